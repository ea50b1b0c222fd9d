package com.interactionledger.projections.botquality;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * When a bot's answer counts as escalated (docs/BOT-ANSWERS.md): a handoff is requested, or the customer's intent is
 * recorded as a request for a human, before the bot has given {@code window} + 1 more answers in the session: the
 * turns are the bot's (what the customer writes in between needs no counting, so the read model reads no message).
 * Configuration, not the clock: a replay with the same settings gives the same figures; changing them and rebuilding
 * the read model gives the figures under the new rule.
 *
 * @param window             further answers of the bot after an answer during which a handoff still escalates it
 * @param humanRequestLabels intent labels that mean "the customer asked for a human" (compared without case)
 */
@Component
public record EscalationRules(int window, Set<String> humanRequestLabels) {

    @Autowired
    public EscalationRules(@Value("${ledger.bot-quality.escalation-window:2}") int window,
                           @Value("${ledger.bot-quality.human-request-intents:request_human,talk_to_agent,"
                                   + "speak_to_agent,human_agent}") String labels) {
        this(window, Stream.of(labels.split(",")).map(String::trim).filter(label -> !label.isEmpty())
                .map(label -> label.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet()));
    }

    public EscalationRules {
        if (window < 0) {
            throw new IllegalArgumentException("ledger.bot-quality.escalation-window must not be negative");
        }
        humanRequestLabels = Set.copyOf(humanRequestLabels);
    }

    boolean asksForAHuman(String intentLabel) {
        return intentLabel != null && humanRequestLabels.contains(intentLabel.toLowerCase(Locale.ROOT));
    }
}

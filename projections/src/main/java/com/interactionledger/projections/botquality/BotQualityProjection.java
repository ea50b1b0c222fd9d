package com.interactionledger.projections.botquality;

import com.interactionledger.contracts.common.ParticipantRole;
import com.interactionledger.contracts.dialogue.AnswerBasis;
import com.interactionledger.contracts.dialogue.AnswerBasisRecorded;
import com.interactionledger.contracts.dialogue.ArticleRef;
import com.interactionledger.contracts.dialogue.BotAnswerCorrected;
import com.interactionledger.contracts.dialogue.DialogueEvent;
import com.interactionledger.contracts.dialogue.HandoffRequested;
import com.interactionledger.contracts.dialogue.IntentRecorded;
import com.interactionledger.contracts.dialogue.SessionResolved;
import com.interactionledger.contracts.knowledge.KnowledgeArticleVersion;
import com.interactionledger.contracts.knowledge.KnowledgeArticleWithdrawn;
import com.interactionledger.contracts.knowledge.KnowledgeEvent;
import com.interactionledger.projections.support.ReadModelProjection;
import com.interactionledger.projections.support.VersionedRows;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Bots' answers and how they turned out (docs/BOT-ANSWERS.md): an answer (a bot's message with its basis) is
 * <b>corrected</b> when a person marks it so, <b>escalated</b> when a handoff is requested or the customer asks for a
 * human within the {@link EscalationRules escalation window}, and <b>confirmed</b> when its session is resolved by
 * the bot without either (worked out when read, from the session's row). Knowledge articles' versions are kept beside
 * them, so a query can tell which quoted version was no longer in force. One session's events apply in order (its
 * stream), as do one article's; rows remember the last event applied to them, so a redelivery changes nothing. No
 * personal data: not the text, nor the quoted utterance.
 * <p>
 * It handles only the few events the figures depend on, and a session has a row only once one of them occurs (its
 * first intent or answer): the messages, reads and starts that make up most of a ledger cost it nothing but its
 * processor's position, not a look-up per batch.
 */
@Component
@ProcessingGroup(BotQualityProjection.PROCESSING_GROUP)
public class BotQualityProjection extends ReadModelProjection<BotQualityTables> {

    public static final String PROCESSING_GROUP = "bot-quality";

    private final EscalationRules rules;

    public BotQualityProjection(BotQualityTables tables, EscalationRules rules) {
        super(tables);
        this.rules = rules;
    }

    @EventHandler
    void on(IntentRecorded intent, DomainEventMessage<?> message) {
        Map<String, Object> session = sessionOf(intent);
        if (isApplied(session, message)) {
            return;
        }
        Map<String, Object> changes = new HashMap<>();
        changes.put("last_intent", intent.label());
        if (rules.asksForAHuman(intent.label())) {
            escalate(intent, session, message, changes);
        }
        change(session, message, changes);
    }

    @EventHandler
    void on(AnswerBasisRecorded answer, DomainEventMessage<?> message) {
        Map<String, Object> session = sessionOf(answer);
        if (isApplied(session, message)) {
            return;
        }
        tables.answers().create(answerRow(answer, session, message.getSequenceNumber()));
        OpenAnswers open = OpenAnswers.parse((String) session.get("open_answers"));
        open.botAnsweredAgain();
        open.open(answer.messageId().value(), rules.window());
        change(session, message, Map.of("open_answers", open.stored()));
    }

    @EventHandler
    void on(HandoffRequested handoff, DomainEventMessage<?> message) {
        tables.session(handoff.sessionId().value()).ifPresent(session -> {
            Map<String, Object> changes = new HashMap<>();
            if (!isApplied(session, message)) {
                escalate(handoff, session, message, changes);
            }
            if (!changes.isEmpty()) {
                // a handoff with no answer in its window changes nothing, and the row stays at its last change
                change(session, message, changes);
            }
        });
    }

    @EventHandler
    void on(SessionResolved resolved, DomainEventMessage<?> message) {
        if (resolved.resolvedByRole() == ParticipantRole.BOT) {
            tables.session(resolved.sessionId().value()).filter(session -> !isApplied(session, message))
                    .ifPresent(session -> change(session, message, Map.of("resolved_by_bot", true)));
        }
    }

    @EventHandler
    void on(BotAnswerCorrected correction, DomainEventMessage<?> message) {
        // a correction of a bot message that carried no basis is not an answer these figures count
        tables.answers().find(BotQualityTables.answerKey(correction.sessionId().value(),
                        correction.answerId().value()))
                .ifPresent(answer -> changeAnswer(answer, message.getSequenceNumber(), Map.of("corrected", true,
                        "correction_reason", correction.reason())));
    }

    @EventHandler
    void on(KnowledgeEvent event, DomainEventMessage<?> message) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("version_key", BotQualityTables.versionKey(event));
        row.put("article_id", event.articleId().value());
        row.put("article_version", event.versionNumber());
        row.put("title", event instanceof KnowledgeArticleVersion version ? version.version().title() : null);
        row.put("product", event instanceof KnowledgeArticleVersion version ? version.version().product() : null);
        row.put("effective_from", VersionedRows.utc(event.effectiveFrom()));
        row.put("withdrawn", event instanceof KnowledgeArticleWithdrawn);
        row.put("version", message.getSequenceNumber());
        // a version's row never changes: an insert that finds it there (a redelivery) leaves it
        tables.articles().create(row);
    }

    /** The session's row, made on its first event that matters here. */
    private Map<String, Object> sessionOf(DialogueEvent event) {
        return tables.session(event.sessionId().value()).orElseGet(() -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("session_id", event.sessionId().value());
            row.put("customer_id", event.customerId().value());
            row.put("last_intent", null);
            row.put("open_answers", "");
            row.put("resolved_by_bot", false);
            row.put("version", -1L);
            return tables.sessions().create(row);
        });
    }

    private static boolean isApplied(Map<String, Object> session, DomainEventMessage<?> message) {
        return VersionedRows.version(session) >= message.getSequenceNumber();
    }

    private void change(Map<String, Object> session, DomainEventMessage<?> message, Map<String, Object> changes) {
        VersionedRows.apply(session, message.getSequenceNumber(), changes);
        tables.sessions().changed(session);
    }

    /** Every answer still in its window is escalated, and the window closes: one handoff escalates them once. */
    private void escalate(DialogueEvent event, Map<String, Object> session, DomainEventMessage<?> message,
                          Map<String, Object> changes) {
        OpenAnswers open = OpenAnswers.parse((String) session.get("open_answers"));
        if (open.isEmpty()) {
            return;
        }
        for (String messageId : open.messageIds()) {
            tables.answers().find(BotQualityTables.answerKey(event.sessionId().value(), messageId))
                    .ifPresent(answer -> changeAnswer(answer, message.getSequenceNumber(), Map.of("escalated", true)));
        }
        changes.put("open_answers", "");
    }

    private void changeAnswer(Map<String, Object> answer, long sequence, Map<String, Object> changes) {
        if (VersionedRows.version(answer) < sequence) {
            VersionedRows.apply(answer, sequence, changes);
            tables.answers().changed(answer);
        }
    }

    private static Map<String, Object> answerRow(AnswerBasisRecorded answer, Map<String, Object> session,
                                                 long sequence) {
        AnswerBasis basis = answer.basis();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("answer_key", BotQualityTables.answerKey(answer.sessionId().value(), answer.messageId().value()));
        row.put("session_id", answer.sessionId().value());
        row.put("message_id", answer.messageId().value());
        row.put("customer_id", answer.customerId().value());
        row.put("channel", answer.channel().name());
        row.put("answered_at", VersionedRows.utc(answer.occurredAt()));
        row.put("model_name", basis.model().name());
        row.put("model_version", basis.model().version());
        row.put("prompt_version", basis.promptVersion());
        row.put("intent", session.get("last_intent"));
        row.put("confidence", basis.confidence());
        row.put("human_approved", basis.humanApproved());
        row.put("articles", basis.articles().stream().map(BotQualityProjection::quoted)
                .collect(Collectors.joining(";")));
        row.put("escalated", false);
        row.put("corrected", false);
        row.put("correction_reason", null);
        row.put("version", sequence);
        return row;
    }

    static String quoted(ArticleRef article) {
        return article.articleId().value() + "@" + article.version();
    }
}

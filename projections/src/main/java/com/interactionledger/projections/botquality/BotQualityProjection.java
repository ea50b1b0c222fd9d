package com.interactionledger.projections.botquality;

import com.interactionledger.contracts.common.ParticipantRole;
import com.interactionledger.contracts.dialogue.AnswerBasis;
import com.interactionledger.contracts.dialogue.AnswerBasisRecorded;
import com.interactionledger.contracts.dialogue.ArticleRef;
import com.interactionledger.contracts.dialogue.BotAnswerCorrected;
import com.interactionledger.contracts.dialogue.DialogueEvent;
import com.interactionledger.contracts.dialogue.HandoffRequested;
import com.interactionledger.contracts.dialogue.IntentRecorded;
import com.interactionledger.contracts.dialogue.MessageRecorded;
import com.interactionledger.contracts.dialogue.SessionResolved;
import com.interactionledger.contracts.dialogue.SessionStarted;
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
    void on(DialogueEvent event, DomainEventMessage<?> message) {
        long sequence = message.getSequenceNumber();
        String sessionId = event.sessionId().value();
        if (event instanceof SessionStarted started) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("session_id", sessionId);
            row.put("customer_id", started.customerId().value());
            row.put("channel", started.channel().name());
            row.put("last_intent", null);
            row.put("open_answers", "");
            row.put("resolved_by_bot", false);
            row.put("version", sequence);
            tables.sessions().create(row);
            return;
        }
        Map<String, Object> session = tables.session(sessionId).orElseThrow(() -> new IllegalStateException(
                "event " + message.getIdentifier() + " for unknown session " + sessionId));
        if (VersionedRows.version(session) >= sequence) {
            return;
        }
        OpenAnswers open = OpenAnswers.parse((String) session.get("open_answers"));
        Map<String, Object> changes = new HashMap<>();
        if (event instanceof MessageRecorded recorded && recorded.authorRole() == ParticipantRole.CUSTOMER
                && !open.isEmpty()) {
            open.customerWrote();
            changes.put("open_answers", open.stored());
        } else if (event instanceof IntentRecorded intent) {
            changes.put("last_intent", intent.label());
            if (rules.asksForAHuman(intent.label())) {
                escalate(sessionId, open, sequence, changes);
            }
        } else if (event instanceof HandoffRequested) {
            escalate(sessionId, open, sequence, changes);
        } else if (event instanceof AnswerBasisRecorded answer) {
            tables.answers().create(answerRow(answer, session, sequence));
            open.open(answer.messageId().value(), rules.window());
            changes.put("open_answers", open.stored());
        } else if (event instanceof BotAnswerCorrected correction) {
            // a correction of a bot message that carried no basis is not an answer these figures count
            tables.answers().find(BotQualityTables.answerKey(sessionId, correction.answerId().value()))
                    .ifPresent(answer -> change(answer, sequence, Map.of("corrected", true,
                            "correction_reason", correction.reason())));
        } else if (event instanceof SessionResolved resolved && resolved.resolvedByRole() == ParticipantRole.BOT) {
            changes.put("resolved_by_bot", true);
        }
        if (!changes.isEmpty()) {
            VersionedRows.apply(session, sequence, changes);
            tables.sessions().changed(session);
        }
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

    /** Every answer still in its window is escalated, and the window closes: one handoff escalates them once. */
    private void escalate(String sessionId, OpenAnswers open, long sequence, Map<String, Object> changes) {
        if (open.isEmpty()) {
            return;
        }
        for (String messageId : open.messageIds()) {
            tables.answers().find(BotQualityTables.answerKey(sessionId, messageId))
                    .ifPresent(answer -> change(answer, sequence, Map.of("escalated", true)));
        }
        open.clear();
        changes.put("open_answers", "");
    }

    private void change(Map<String, Object> answer, long sequence, Map<String, Object> changes) {
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
        row.put("customer_id", session.get("customer_id"));
        row.put("channel", session.get("channel"));
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

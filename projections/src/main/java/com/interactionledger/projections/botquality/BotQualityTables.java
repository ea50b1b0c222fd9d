package com.interactionledger.projections.botquality;

import com.interactionledger.contracts.botquality.FindBotQuality;
import com.interactionledger.contracts.dialogue.AnswerBasisRecorded;
import com.interactionledger.contracts.dialogue.BotAnswerCorrected;
import com.interactionledger.contracts.dialogue.DialogueEvent;
import com.interactionledger.contracts.dialogue.HandoffRequested;
import com.interactionledger.contracts.dialogue.IntentRecorded;
import com.interactionledger.contracts.dialogue.SessionResolved;
import com.interactionledger.contracts.knowledge.KnowledgeArticleVersion;
import com.interactionledger.contracts.knowledge.KnowledgeEvent;
import com.interactionledger.projections.privacy.PrivacyTables;
import com.interactionledger.projections.support.KeyedRows;
import com.interactionledger.projections.support.ReadModelBatches;
import com.interactionledger.projections.support.ReadModelTables;
import com.interactionledger.projections.support.VersionedRows;
import com.interactionledger.projections.support.Where;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The SQL of the bot-quality read model, in one place (the same on PostgreSQL and on H2). */
@Component
public class BotQualityTables extends ReadModelTables {

    private static final KeyedRows.Table<Map<String, Object>> SESSIONS = VersionedRows.columns("bot_quality_session",
            List.of("session_id", "customer_id", "last_intent", "open_answers", "resolved_by_bot", "version"));
    private static final KeyedRows.Table<Map<String, Object>> ANSWERS = VersionedRows.columns("bot_quality_answer",
            List.of("answer_key", "session_id", "message_id", "customer_id", "channel", "answered_at", "model_name",
                    "model_version", "prompt_version", "intent", "confidence", "human_approved", "articles",
                    "escalated", "corrected", "correction_reason", "version"));
    private static final KeyedRows.Table<Map<String, Object>> ARTICLES = VersionedRows.columns("bot_quality_article",
            List.of("version_key", "article_id", "article_version", "title", "product", "effective_from",
                    "withdrawn", "version"));

    private final ReadModelBatches batches;

    public BotQualityTables(JdbcTemplate jdbc, ReadModelBatches batches) {
        super(jdbc, BotQualityProjection.PROCESSING_GROUP, "bot_quality_answer", "bot_quality_session",
                "bot_quality_article");
        this.batches = batches;
    }

    /** An answer's key: message ids are unique within their session only. */
    static String answerKey(String sessionId, String messageId) {
        return sessionId + "/" + messageId;
    }

    /** The sessions of the batch's events that this read model handles (not of its messages, starts...). */
    KeyedRows<Map<String, Object>> sessions() {
        return batches.current().keyed(SESSIONS, payload -> payload instanceof IntentRecorded
                || payload instanceof AnswerBasisRecorded || payload instanceof HandoffRequested
                || payload instanceof SessionResolved ? ((DialogueEvent) payload).sessionId().value() : null);
    }

    /** The answers a batch names itself (its answers' bases and corrections); others are read when asked for. */
    KeyedRows<Map<String, Object>> answers() {
        return batches.current().keyed(ANSWERS, payload -> {
            if (payload instanceof AnswerBasisRecorded basis) {
                return answerKey(basis.sessionId().value(), basis.messageId().value());
            } else if (payload instanceof BotAnswerCorrected correction) {
                return answerKey(correction.sessionId().value(), correction.answerId().value());
            }
            return null;
        });
    }

    KeyedRows<Map<String, Object>> articles() {
        return batches.current().keyed(ARTICLES,
                payload -> payload instanceof KnowledgeEvent event ? versionKey(event) : null);
    }

    static String versionKey(KnowledgeEvent event) {
        return event.articleId().value() + "#"
                + (event instanceof KnowledgeArticleVersion ? Integer.toString(event.versionNumber()) : "withdrawn");
    }

    Optional<Map<String, Object>> session(String sessionId) {
        return sessions().find(sessionId);
    }

    // ---- reads ----

    /** The answers the query selects, with their session's outcome, never a restricted customer's. */
    List<Map<String, Object>> answers(FindBotQuality query) {
        Where where = new Where(PrivacyTables.notRestricted("a.customer_id"))
                .andIfPresent("a.answered_at >= ?", query.answeredFrom(), VersionedRows::utc)
                .andIfPresent("a.answered_at < ?", query.answeredTo(), VersionedRows::utc)
                .andIfPresent("a.channel = ?", query.channel(), Enum::name)
                .andIfPresent("a.intent = ?", query.intent())
                .andIfPresent("a.model_version = ?", query.modelVersion());
        return jdbc.queryForList("SELECT a.answer_key, a.channel, a.answered_at, a.model_name, a.model_version,"
                + " a.intent, a.confidence, a.articles, a.escalated, a.corrected, s.resolved_by_bot"
                + " FROM bot_quality_answer a JOIN bot_quality_session s ON s.session_id = a.session_id"
                + " WHERE " + where + " ORDER BY a.answer_key", where.args());
    }

    /** Every article version and withdrawal the ledger was told of. */
    List<Map<String, Object>> articleVersions() {
        return jdbc.queryForList("SELECT article_id, article_version, title, effective_from, withdrawn"
                + " FROM bot_quality_article ORDER BY article_id, effective_from, article_version");
    }

    @Override
    public void forget(String customerId, Collection<String> streams) {
        deleteCustomer(customerId, "bot_quality_answer", "bot_quality_session");
    }
}

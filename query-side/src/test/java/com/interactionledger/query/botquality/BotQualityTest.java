package com.interactionledger.query.botquality;

import com.fasterxml.jackson.databind.JsonNode;
import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.common.ParticipantRole;
import com.interactionledger.contracts.dialogue.AgentAssigned;
import com.interactionledger.contracts.dialogue.AgentId;
import com.interactionledger.contracts.dialogue.AnswerBasis;
import com.interactionledger.contracts.dialogue.AnswerBasisRecorded;
import com.interactionledger.contracts.dialogue.ArticleRef;
import com.interactionledger.contracts.dialogue.BotAnswerCorrected;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.contracts.dialogue.DialogueEvent;
import com.interactionledger.contracts.dialogue.HandoffRequested;
import com.interactionledger.contracts.dialogue.IntentRecorded;
import com.interactionledger.contracts.dialogue.MessageId;
import com.interactionledger.contracts.dialogue.MessageRecorded;
import com.interactionledger.contracts.dialogue.ModelRef;
import com.interactionledger.contracts.dialogue.SessionId;
import com.interactionledger.contracts.dialogue.SessionResolved;
import com.interactionledger.contracts.dialogue.SessionStarted;
import com.interactionledger.contracts.knowledge.ArticleId;
import com.interactionledger.contracts.knowledge.ArticleVersion;
import com.interactionledger.contracts.knowledge.KnowledgeArticlePublished;
import com.interactionledger.contracts.knowledge.KnowledgeArticleRevised;
import com.interactionledger.contracts.knowledge.KnowledgeArticleWithdrawn;
import com.interactionledger.projections.botquality.BotQualityProjection;
import com.interactionledger.query.LedgerEvents;
import com.interactionledger.query.ReadModelTest;
import com.interactionledger.query.ReadModelTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bot-quality figures of five hand-written sessions and two articles, read back through HTTP on PostgreSQL in a
 * ledger of their own. Every expected figure is worked out here (times on 2026-06-01, UTC; escalation window 0: a
 * handoff escalates the answers given since the bot's answer before them, not earlier ones).
 * <pre>
 * articles  kb-cards v1 in force from 05-01, v2 from 06-01 10:00; kb-fees v1 from 05-01, withdrawn from 06-01 12:00
 * S1 WEB_CHAT   09:00 intent card_lost; a bot greeting without a basis; 09:00:20 answer (eva 1.0, kb-cards v1,
 *               0.95); resolved by the bot                                    -> CONFIRMED (v1 still in force)
 * S2 WEB_CHAT   10:30 intent card_lost; 10:30 answer (eva 1.0, kb-cards v1, 0.85); the customer asks for a human
 *               (escalated); handoff; an agent corrects it                    -> CORRECTED (outranks ESCALATED);
 *                                                                                v1 superseded 0.5 h before
 * S3 MOBILE_APP 11:00 intent fees; 11:00:30 answer a1 (eva 1.0, kb-fees v1, 0.6); 11:02 answer a2 (eva 1.0, no
 *               article, 0.3); handoff                                        -> a1 OPEN (past its window at a2),
 *                                                                                a2 ESCALATED
 * S4 WEB_CHAT   12:30 intent opening_hours; 12:30:30 answer quoting nothing (eva 1.1, 0.4); resolved by the bot
 *                                                                             -> CONFIRMED; a coverage gap
 * S5 EMAIL      12:40 intent fees; 12:45 answer (eva 1.1, kb-fees v1, 0.75); the customer writes, handoff
 *                                                                             -> ESCALATED; kb-fees withdrawn 0.75 h
 *                                                                                before
 * </pre>
 * Decided: 5 of 6 (S3's a1 open): confirmed 2 (0.4; median confidence (0.4 + 0.95) / 2 = 0.675), corrected 1 (0.2;
 * 0.85), escalated 2 (0.4; median (0.3 + 0.75) / 2 = 0.525).
 */
@ReadModelTest(properties = {"ledger.test.ledger=bot-quality", "ledger.bot-quality.escalation-window=0"})
class BotQualityTest extends ReadModelTestSupport {

    private static final CustomerId CUSTOMER = new CustomerId("bq-customer");
    private static final ModelRef EVA_10 = new ModelRef("eva", "1.0");
    private static final ModelRef EVA_11 = new ModelRef("eva", "1.1");
    private static final ModelRef CLASSIFIER = new ModelRef("intent-bert", "3.2");
    private static final ArticleId CARDS = new ArticleId("kb-cards");
    private static final ArticleId FEES = new ArticleId("kb-fees");
    private static final Instant MAY = Instant.parse("2026-05-01T00:00:00Z");
    private static final Map<String, Channel> CHANNELS = Map.of("s1", Channel.WEB_CHAT, "s2", Channel.WEB_CHAT,
            "s3", Channel.MOBILE_APP, "s4", Channel.WEB_CHAT, "s5", Channel.EMAIL);

    @BeforeAll
    void sessionsAndArticles() {
        LedgerEvents ledger = ledger();
        ledger.append("SYSTEM", "knowledge-base",
                new KnowledgeArticlePublished(CARDS, new ArticleVersion(1, "A lost card", "cards", "en", MAY), MAY),
                new KnowledgeArticleRevised(CARDS, new ArticleVersion(2, "A lost or stolen card", "cards", "en",
                        at("10:00:00")), MAY),
                new KnowledgeArticlePublished(FEES, new ArticleVersion(1, "Our fees", "accounts", "en", MAY), MAY),
                new KnowledgeArticleWithdrawn(FEES, 1, "fees page moved", at("12:00:00"), MAY));
        ledger.append("SYSTEM", "eva",
                start("s1", "09:00:00"),
                message("s1", "m1", ParticipantRole.CUSTOMER, "09:00:05"),
                intent("s1", "m1", "card_lost", "09:00:06"),
                message("s1", "greeting", ParticipantRole.BOT, "09:00:07"),
                message("s1", "a1", ParticipantRole.BOT, "09:00:20"),
                basis("s1", "a1", EVA_10, 0.95, "09:00:20", quote(CARDS, 1)),
                resolved("s1", ParticipantRole.BOT, "09:01:00"));
        ledger.append("SYSTEM", "eva",
                start("s2", "10:29:00"),
                message("s2", "m1", ParticipantRole.CUSTOMER, "10:29:30"),
                intent("s2", "m1", "card_lost", "10:29:31"),
                message("s2", "a1", ParticipantRole.BOT, "10:30:00"),
                basis("s2", "a1", EVA_10, 0.85, "10:30:00", quote(CARDS, 1)),
                message("s2", "m2", ParticipantRole.CUSTOMER, "10:31:00"),
                intent("s2", "m2", "request_human", "10:31:05"),
                handoff("s2", "10:32:00"),
                new AgentAssigned(id("s2"), CUSTOMER, new AgentId("a7"), "cards", at("10:33:00")),
                message("s2", "m3", ParticipantRole.AGENT, "10:34:00"),
                new BotAnswerCorrected(id("s2"), CUSTOMER, new MessageId("a1"), "a7", id("s2"), new MessageId("m3"),
                        "outdated", at("10:35:00")));
        ledger.append("SYSTEM", "eva",
                start("s3", "11:00:00"),
                message("s3", "m1", ParticipantRole.CUSTOMER, "11:00:10"),
                intent("s3", "m1", "fees", "11:00:11"),
                message("s3", "a1", ParticipantRole.BOT, "11:00:30"),
                basis("s3", "a1", EVA_10, 0.6, "11:00:30", quote(FEES, 1)),
                message("s3", "m2", ParticipantRole.CUSTOMER, "11:01:00"),
                message("s3", "a2", ParticipantRole.BOT, "11:02:00"),
                basis("s3", "a2", EVA_10, 0.3, "11:02:00"),
                handoff("s3", "11:04:00"),
                intent("s3", "m2", "complaint", "11:04:30"));
        ledger.append("SYSTEM", "eva",
                start("s4", "12:30:00"),
                message("s4", "m1", ParticipantRole.CUSTOMER, "12:30:10"),
                intent("s4", "m1", "opening_hours", "12:30:11"),
                message("s4", "a1", ParticipantRole.BOT, "12:30:30"),
                basis("s4", "a1", EVA_11, 0.4, "12:30:30"),
                resolved("s4", ParticipantRole.BOT, "12:40:00"));
        ledger.append("SYSTEM", "eva",
                start("s5", "12:40:00"),
                message("s5", "m1", ParticipantRole.CUSTOMER, "12:40:10"),
                intent("s5", "m1", "fees", "12:40:11"),
                message("s5", "a1", ParticipantRole.BOT, "12:45:00"),
                basis("s5", "a1", EVA_11, 0.75, "12:45:00", quote(FEES, 1)),
                message("s5", "m2", ParticipantRole.CUSTOMER, "12:46:00"),
                handoff("s5", "12:47:00"));
        // each session's row stands at its last event that changed it; the escalated and corrected answers at theirs
        awaitVersions("bot_quality_session", "session_id",
                Map.of("bq-s1", 6L, "bq-s2", 6L, "bq-s3", 9L, "bq-s4", 5L, "bq-s5", 6L));
        awaitVersions("bot_quality_answer", "answer_key", Map.of("bq-s2/a1", 10L, "bq-s3/a2", 8L, "bq-s5/a1", 6L));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.queryForObject("SELECT COUNT(*) FROM bot_quality_article", Long.class) == 4);
    }

    @Test
    void answersTurnOutConfirmedCorrectedEscalatedOrOpen() {
        JsonNode total = api().get("/analytics/bot-quality").path("total");
        assertThat(total.path("answers").asLong()).as("answers with a basis: not the greeting").isEqualTo(6);
        assertThat(List.of(total.path("confirmed").asLong(), total.path("corrected").asLong(),
                total.path("escalated").asLong(), total.path("open").asLong())).containsExactly(2L, 1L, 2L, 1L);
        assertThat(total.path("confirmedRate").asDouble()).isEqualTo(0.4);
        assertThat(total.path("correctedRate").asDouble()).isEqualTo(0.2);
        assertThat(total.path("escalatedRate").asDouble()).isEqualTo(0.4);
        assertThat(total.path("medianConfidenceConfirmed").asDouble()).isEqualTo(0.675);
        assertThat(total.path("medianConfidenceCorrected").asDouble()).isEqualTo(0.85);
        assertThat(total.path("medianConfidenceEscalated").asDouble()).isEqualTo(0.525);
    }

    @Test
    void figuresPerIntentArticleModelChannelAndPeriod() {
        Map<String, JsonNode> intents = groups("INTENT");
        assertThat(intents).containsOnlyKeys("card_lost", "fees", "opening_hours");
        outcomes(intents.get("card_lost"), 2, 1, 1, 0, 0);
        outcomes(intents.get("fees"), 3, 0, 0, 2, 1);
        assertThat(intents.get("fees").path("escalatedRate").asDouble()).as("of the two decided").isEqualTo(1.0);
        outcomes(intents.get("opening_hours"), 1, 1, 0, 0, 0);

        Map<String, JsonNode> articles = groups("ARTICLE");
        assertThat(articles).containsOnlyKeys("kb-cards", "kb-fees", "none");
        outcomes(articles.get("kb-cards"), 2, 1, 1, 0, 0);
        outcomes(articles.get("kb-fees"), 2, 0, 0, 1, 1);
        outcomes(articles.get("none"), 2, 1, 0, 1, 0);

        Map<String, JsonNode> models = groups("MODEL");
        assertThat(models).containsOnlyKeys("eva 1.0", "eva 1.1");
        outcomes(models.get("eva 1.0"), 4, 1, 1, 1, 1);
        outcomes(models.get("eva 1.1"), 2, 1, 0, 1, 0);

        Map<String, JsonNode> channels = groups("CHANNEL");
        assertThat(channels).containsOnlyKeys("WEB_CHAT", "MOBILE_APP", "EMAIL");
        outcomes(channels.get("WEB_CHAT"), 3, 2, 1, 0, 0);

        assertThat(groups("PERIOD")).containsOnlyKeys("2026-06");
    }

    @Test
    void calibrationBandsCompareConfidenceWithTheConfirmedRateOfDecidedAnswers() {
        JsonNode bands = api().get("/analytics/bot-quality").path("calibration");
        assertThat(bands).hasSize(4);
        band(bands.get(0), 0.0, 0.5, 2, 1, 0.35, 0.5);
        assertThat(bands.get(1).path("decided").asLong()).as("S3's 0.6 is still open").isZero();
        assertThat(bands.get(1).path("confirmedRate").isNull()).isTrue();
        band(bands.get(2), 0.7, 0.9, 2, 0, 0.8, 0.0);
        band(bands.get(3), 0.9, 1.0, 1, 1, 0.95, 1.0);
    }

    @Test
    void mostCorrectedArticlesCoverageGapsAndStaleQuotes() {
        JsonNode report = api().get("/analytics/bot-quality");
        JsonNode corrected = report.path("mostCorrectedArticles");
        assertThat(corrected).hasSize(1);
        assertThat(corrected.get(0).path("articleId").asText()).isEqualTo("kb-cards");
        assertThat(List.of(corrected.get(0).path("answers").asLong(), corrected.get(0).path("decided").asLong(),
                corrected.get(0).path("corrected").asLong())).containsExactly(2L, 2L, 1L);
        assertThat(corrected.get(0).path("correctedRate").asDouble()).isEqualTo(0.5);

        JsonNode gaps = report.path("coverageGaps");
        assertThat(texts(gaps, "intent")).as("answered, never with an article").containsExactly("opening_hours");
        assertThat(gaps.get(0).path("answers").asLong()).isEqualTo(1);

        JsonNode stale = report.path("staleQuotes");
        assertThat(texts(stale, "articleId")).containsExactly("kb-cards", "kb-fees");
        assertThat(List.of(stale.get(0).path("superseded").asLong(), stale.get(0).path("withdrawn").asLong()))
                .as("S2 quoted v1 half an hour after v2 took effect; S1 before it").containsExactly(1L, 0L);
        assertThat(stale.get(0).path("medianDelayHours").asDouble()).isEqualTo(0.5);
        assertThat(List.of(stale.get(1).path("superseded").asLong(), stale.get(1).path("withdrawn").asLong()))
                .as("S5 quoted kb-fees 45 minutes after its withdrawal; S3 before it").containsExactly(0L, 1L);
        assertThat(stale.get(1).path("maxDelayHours").asDouble()).isEqualTo(0.75);
    }

    @Test
    void filtersSelectAnswersByTimeChannelIntentAndModelVersion() {
        assertThat(answers("?intent=fees")).as("S3's two, S5").isEqualTo(3);
        assertThat(answers("?channel=WEB_CHAT")).as("S1, S2, S4").isEqualTo(3);
        assertThat(answers("?from=2026-06-01T11:00:00Z")).as("S3's two, S4, S5").isEqualTo(4);
        assertThat(answers("?to=2026-06-01T11:00:00Z")).as("S1, S2").isEqualTo(2);
        assertThat(answers("?modelVersion=1.1")).as("S4, S5").isEqualTo(2);
        api().assertInvalidParameters("/analytics/bot-quality?groupBy=colour", "/analytics/bot-quality?channel=PIGEON",
                "/analytics/bot-quality?from=2026-06-02T00:00:00Z&to=2026-06-01T00:00:00Z");
    }

    @Test
    void aRebuildGivesIdenticalRowsAndFigures() {
        JsonNode report = api().get("/analytics/bot-quality?groupBy=ARTICLE");
        List<Map<String, Object>> before = rows();
        stopAndReset(BotQualityProjection.PROCESSING_GROUP).start();
        await().atMost(Duration.ofSeconds(30)).until(() -> rows().equals(before));
        assertThat(api().get("/analytics/bot-quality?groupBy=ARTICLE")).isEqualTo(report);
    }

    private List<Map<String, Object>> rows() {
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        rows.addAll(jdbc.queryForList("SELECT * FROM bot_quality_session ORDER BY session_id"));
        rows.addAll(jdbc.queryForList("SELECT * FROM bot_quality_answer ORDER BY answer_key"));
        rows.addAll(jdbc.queryForList("SELECT * FROM bot_quality_article ORDER BY version_key"));
        return rows;
    }

    private long answers(String query) {
        return api().get("/analytics/bot-quality" + query).path("total").path("answers").asLong();
    }

    private Map<String, JsonNode> groups(String by) {
        Map<String, JsonNode> groups = new LinkedHashMap<>();
        api().get("/analytics/bot-quality?groupBy=" + by).path("groups")
                .forEach(group -> groups.put(group.path("key").asText(), group.path("figures")));
        return groups;
    }

    private static void outcomes(JsonNode figures, long answers, long confirmed, long corrected, long escalated,
                                 long open) {
        assertThat(List.of(figures.path("answers").asLong(), figures.path("confirmed").asLong(),
                figures.path("corrected").asLong(), figures.path("escalated").asLong(), figures.path("open").asLong()))
                .as("answers, confirmed, corrected, escalated, open")
                .containsExactly(answers, confirmed, corrected, escalated, open);
    }

    private static void band(JsonNode band, double from, double to, long decided, long confirmed, double mean,
                             double rate) {
        assertThat(List.of(band.path("from").asDouble(), band.path("to").asDouble())).containsExactly(from, to);
        assertThat(List.of(band.path("decided").asLong(), band.path("confirmed").asLong()))
                .containsExactly(decided, confirmed);
        assertThat(band.path("meanConfidence").asDouble()).isCloseTo(mean, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(band.path("confirmedRate").asDouble()).isEqualTo(rate);
    }

    private static SessionId id(String session) {
        return new SessionId("bq-" + session);
    }

    private static Instant at(String time) {
        return Instant.parse("2026-06-01T" + time + "Z");
    }

    private static SessionStarted start(String session, String time) {
        return new SessionStarted(id(session), CUSTOMER, CHANNELS.get(session), null, "entry", "en", null, null, null, null,
                at(time));
    }

    private static DialogueEvent message(String session, String messageId, ParticipantRole role, String time) {
        return new MessageRecorded(id(session), CUSTOMER, new MessageId(messageId), role,
                role == ParticipantRole.CUSTOMER ? CUSTOMER.value() : "someone", "text", null, null, List.of(),
                at(time));
    }

    private static DialogueEvent intent(String session, String messageId, String label, String time) {
        return new IntentRecorded(id(session), CUSTOMER, new MessageId(messageId), label, 0.9, CLASSIFIER, at(time));
    }

    private static ArticleRef quote(ArticleId article, int version) {
        return new ArticleRef(article, version, article.value(), 0.8);
    }

    private static DialogueEvent basis(String session, String messageId, ModelRef model, double confidence,
                                       String time, ArticleRef... articles) {
        return new AnswerBasisRecorded(id(session), CUSTOMER, new MessageId(messageId), CHANNELS.get(session),
                new AnswerBasis(model, "prompt-1", List.of(articles), confidence, false, null), at(time));
    }

    private static DialogueEvent handoff(String session, String time) {
        return new HandoffRequested(id(session), CUSTOMER, "cards", "asked", "summary", null, null, 2, at(time));
    }

    private static DialogueEvent resolved(String session, ParticipantRole by, String time) {
        return new SessionResolved(id(session), CUSTOMER, "ANSWERED", true, by, null, at(time));
    }
}

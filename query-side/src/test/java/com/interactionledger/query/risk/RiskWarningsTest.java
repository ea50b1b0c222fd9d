package com.interactionledger.query.risk;

import com.fasterxml.jackson.databind.JsonNode;
import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.common.ParticipantRole;
import com.interactionledger.contracts.complaint.ClockType;
import com.interactionledger.contracts.complaint.ComplaintDeadlineApproaching;
import com.interactionledger.contracts.complaint.ComplaintId;
import com.interactionledger.contracts.complaint.ComplaintLodged;
import com.interactionledger.contracts.complaint.Jurisdiction;
import com.interactionledger.contracts.complaint.ServiceRegime;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.contracts.dialogue.MessageId;
import com.interactionledger.contracts.dialogue.MessageRecorded;
import com.interactionledger.contracts.dialogue.ModelRef;
import com.interactionledger.contracts.dialogue.SentimentRecorded;
import com.interactionledger.contracts.dialogue.SessionId;
import com.interactionledger.contracts.dialogue.SessionStarted;
import com.interactionledger.projections.risk.RiskWarningsProjection;
import com.interactionledger.query.LedgerEvents;
import com.interactionledger.query.ReadModelTest;
import com.interactionledger.query.ReadModelTestSupport;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Early warnings from hand-written events, read back through HTTP on PostgreSQL, in a ledger of their own:
 * <pre>
 * r-1: sessions s1..s4 with sentiments -0.6, -0.7, -0.8 (a streak of 3: one warning), s3 again -0.9 and s4 -0.9
 *      (no second warning); messages with "lawyer" and "regulator", with "issue" (not "sue"), in Chinese with 投诉
 *      and 律师, and an agent saying "regulator" (ignored); complaints on 02-01, 03-01 and 04-01, the last on WeChat
 *      (the third within 90 days: repeat; on a public social channel).
 * r-2: sessions t1..t4 with sentiments -0.6, +0.4, -0.7, -0.8 (the positive one breaks the streak: no warning);
 *      a complaint whose final-response clock is about to run out.
 * </pre>
 */
@ReadModelTest(properties = "ledger.test.ledger=risk-warnings")
class RiskWarningsTest extends ReadModelTestSupport {

    private static final ModelRef MODEL = new ModelRef("sentiment-xlm", "1.0");
    private static final CustomerId R1 = new CustomerId("r-1");
    private static final CustomerId R2 = new CustomerId("r-2");

    @BeforeAll
    void record() {
        LedgerEvents ledger = ledger();
        for (int i = 1; i <= 4; i++) {
            ledger.append("BOT", "bot", started("s" + i, R1, "2026-03-0" + i + "T09:00:00Z"),
                    started("t" + i, R2, "2026-03-0" + i + "T10:00:00Z"));
        }
        ledger.append("SYSTEM", "sentiment-service",
                sentiment("s1", R1, -0.6, "2026-03-01T09:05:00Z"), sentiment("s2", R1, -0.7, "2026-03-02T09:05:00Z"),
                sentiment("s3", R1, -0.8, "2026-03-03T09:05:00Z"), sentiment("s3", R1, -0.9, "2026-03-03T09:06:00Z"),
                sentiment("s4", R1, -0.9, "2026-03-04T09:05:00Z"),
                sentiment("t1", R2, -0.6, "2026-03-01T10:05:00Z"), sentiment("t2", R2, 0.4, "2026-03-02T10:05:00Z"),
                sentiment("t3", R2, -0.7, "2026-03-03T10:05:00Z"), sentiment("t4", R2, -0.8, "2026-03-04T10:05:00Z"));
        ledger.append("CUSTOMER", "r-1",
                message("s1", "m1", ParticipantRole.CUSTOMER, "I will call my lawyer and the Regulator about this", "2026-03-01T09:01:00Z"),
                message("s2", "m2", ParticipantRole.CUSTOMER, "There is an issue with my card", "2026-03-02T09:01:00Z"),
                message("s3", "m3", ParticipantRole.CUSTOMER, "我要投诉你们，还要找律师", "2026-03-03T09:01:00Z"));
        ledger.append("AGENT", "agent-1",
                message("s4", "m4", ParticipantRole.AGENT, "You may also contact the regulator", "2026-03-04T09:01:00Z"));
        ledger.append("AGENT", "handler",
                lodged("k1", R1, Channel.PHONE, "2026-02-01T12:00:00Z"),
                lodged("k2", R1, Channel.WEB_CHAT, "2026-03-01T12:00:00Z"),
                lodged("k3", R1, Channel.SOCIAL, "2026-04-01T12:00:00Z"),
                lodged("k4", R2, Channel.EMAIL, "2026-03-05T12:00:00Z"));
        ledger.append("SYSTEM", "complaint-clock-watcher", new ComplaintDeadlineApproaching(new ComplaintId("k4"), R2,
                ClockType.FCA_FINAL_RESPONSE, Instant.parse("2026-04-30T23:00:00Z"), Instant.parse("2026-04-28T23:00:00Z")));
        awaitWarnings(6);
    }

    @Test
    void eachRuleRaisesItsWarningWithItsReasonOnce() {
        JsonNode r1 = api().get("/customers/r-1/risk-warnings");
        // Newest first; k3's two warnings share its receipt time and are ordered by id, descending.
        assertThat(reasons(r1)).containsExactly("REPEAT_COMPLAINTS", "PUBLIC_SOCIAL_COMPLAINT",
                "NEGATIVE_SENTIMENT_STREAK", "ESCALATION_LANGUAGE", "ESCALATION_LANGUAGE");
        JsonNode warnings = r1.path("warnings");
        assertThat(warnings.get(0).path("detail").asText()).isEqualTo("3 complaints within 90 days");
        assertThat(warnings.get(0).path("subjectId").asText()).isEqualTo("k3");
        assertThat(warnings.get(1).path("detail").asText())
                .isEqualTo("complaint lodged on a public social channel (credit_card/fees)");
        assertThat(warnings.get(2).path("detail").asText())
                .isEqualTo("3 sessions in a row with sentiment at or below -0.5: s1, s2, s3");
        assertThat(warnings.get(2).path("raisedAt").asText()).isEqualTo("2026-03-03T09:05:00Z");
        assertThat(warnings.get(3).path("detail").asText()).isEqualTo("escalation terms: 投诉, 律师 (message m3)");
        assertThat(warnings.get(4).path("detail").asText()).isEqualTo("escalation terms: regulator, lawyer (message m1)");
        // Warnings name what triggered them, never what the customer wrote.
        warnings.forEach(warning -> assertThat(warning.path("detail").asText()).doesNotContain("call my").doesNotContain("找"));
        // The terms found in a message come from it: stored sealed under the customer's key, like the message.
        assertThat(jdbc.queryForList("SELECT reason, detail FROM risk_warning WHERE customer_id = 'r-1'"))
                .allSatisfy(row -> assertThat(((String) row.get("detail")).startsWith("rm1:"))
                        .isEqualTo(row.get("reason").equals("ESCALATION_LANGUAGE")));

        JsonNode r2 = api().get("/customers/r-2/risk-warnings");
        assertThat(reasons(r2)).containsExactly("NEAR_BREACH");
        assertThat(r2.path("warnings").get(0).path("detail").asText())
                .isEqualTo("FCA_FINAL_RESPONSE runs out at 2026-04-30T23:00:00Z");
    }

    @Test
    void warningsAreListedOverallWithFiltersAndPages() {
        assertThat(api().get("/risk-warnings").path("warnings")).hasSize(6);
        assertThat(reasons(api().get("/risk-warnings?reason=near-breach"))).containsExactly("NEAR_BREACH");
        assertThat(reasons(api().get("/risk-warnings?from=2026-03-03T00:00:00Z&to=2026-03-04T00:00:00Z")))
                .containsExactly("NEGATIVE_SENTIMENT_STREAK", "ESCALATION_LANGUAGE");
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api().get("/risk-warnings?limit=4" + (cursor == null ? "" : "&cursor=" + cursor));
            paged.addAll(reasons(page));
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
        } while (cursor != null);
        assertThat(paged).hasSize(6).isEqualTo(reasons(api().get("/risk-warnings")));
        api().assertProblem("/risk-warnings?reason=bad-mood", 400, "INVALID_PARAMETER");
    }

    @Test
    void aRebuildGivesTheSameWarnings() {
        List<Map<String, Object>> before = jdbc.queryForList("SELECT * FROM risk_warning ORDER BY warning_id");
        StreamingEventProcessor processor = stopAndReset(RiskWarningsProjection.PROCESSING_GROUP);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM risk_warning", Long.class)).isZero();
        processor.start();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.queryForList("SELECT * FROM risk_warning ORDER BY warning_id").equals(before));
    }

    private void awaitWarnings(int count) {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.queryForObject("SELECT COUNT(*) FROM risk_warning", Long.class) == count);
        // And nothing more arrives: every event has been looked at.
        awaitCaughtUp(processor(RiskWarningsProjection.PROCESSING_GROUP));
    }

    private static List<String> reasons(JsonNode page) {
        return texts(page.path("warnings"), "reason");
    }

    private static SessionStarted started(String session, CustomerId customer, String at) {
        return new SessionStarted(new SessionId(session), customer, Channel.WEB_CHAT, null, "web", "en", null, null,
                null, null, Instant.parse(at));
    }

    private static SentimentRecorded sentiment(String session, CustomerId customer, double score, String at) {
        return new SentimentRecorded(new SessionId(session), customer, null, score, MODEL, Instant.parse(at));
    }

    private static MessageRecorded message(String session, String id, ParticipantRole role, String text, String at) {
        return new MessageRecorded(new SessionId(session), R1, new MessageId(id), role,
                role == ParticipantRole.CUSTOMER ? "r-1" : "agent-1", text, null, null, List.of(), Instant.parse(at));
    }

    private static ComplaintLodged lodged(String id, CustomerId customer, Channel channel, String at) {
        return new ComplaintLodged(new ComplaintId(id), customer, List.of(), channel, "credit_card", null, "fees", null,
                "complaint " + id, null, Jurisdiction.UK_FCA, ServiceRegime.GENERAL, Instant.parse(at));
    }
}

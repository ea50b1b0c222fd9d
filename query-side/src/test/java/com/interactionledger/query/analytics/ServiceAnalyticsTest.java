package com.interactionledger.query.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.common.ParticipantRole;
import com.interactionledger.contracts.dialogue.AbandonReason;
import com.interactionledger.contracts.dialogue.AgentAssigned;
import com.interactionledger.contracts.dialogue.AgentId;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.contracts.dialogue.DialogueEvent;
import com.interactionledger.contracts.dialogue.HandoffRequested;
import com.interactionledger.contracts.dialogue.IntentRecorded;
import com.interactionledger.contracts.dialogue.MessageId;
import com.interactionledger.contracts.dialogue.MessageRecorded;
import com.interactionledger.contracts.dialogue.ModelRef;
import com.interactionledger.contracts.dialogue.SessionAbandoned;
import com.interactionledger.contracts.dialogue.SessionClosed;
import com.interactionledger.contracts.dialogue.SessionContinuedElsewhere;
import com.interactionledger.contracts.dialogue.SessionId;
import com.interactionledger.contracts.dialogue.SessionResolved;
import com.interactionledger.contracts.dialogue.SessionStarted;
import com.interactionledger.contracts.dialogue.SessionTransferred;
import com.interactionledger.contracts.dialogue.SurveyResponseRecorded;
import com.interactionledger.contracts.dialogue.TransferMode;
import com.interactionledger.projections.analytics.ServiceAnalyticsProjection;
import com.interactionledger.query.LedgerEvents;
import com.interactionledger.query.ReadModelTest;
import com.interactionledger.query.ReadModelTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Satisfaction and service efficiency from four hand-written journeys, read back through HTTP on PostgreSQL in a
 * ledger of their own. Every expected figure is worked out in the comments below (times on 2026-05-04, UTC).
 * <pre>
 * A  sa-bot      WEB_CHAT   bot only   09:00 start; 09:00:10 customer; 09:00:15 bot (first response 5 s);
 *                                      09:01 resolved by the bot, first contact; closed; survey CSAT 5, NPS 10
 * B  sa-handoff  MOBILE_APP bot->human 10:00 start; 10:00:20 customer; 10:00:30 bot (10 s); 10:01 handoff to
 *                                      payments; 10:03 agent a1 (queue 120 s); 10:03:30 a1 writes (150 s after the
 *                                      handoff); 10:05 warm transfer to a2; 10:10 resolved by a2, not first contact
 *                                      (handle 10:03-10:10 = 420 s); closed; survey CSAT 3, NPS 6
 * C1 sa-chat     WEB_CHAT   bot only   11:00 start; 11:00:10 customer, no reply; 11:02 abandoned; continued by C2
 * C2 sa-call     PHONE      human only 11:10 start in queue cards, continuing C1; 11:12 agent a1 (queue 120 s);
 *                                      11:12:30 customer; 11:12:40 a1 (10 s); 11:20 resolved, not first contact
 *                                      (handle 480 s); closed; survey CSAT 4, no NPS
 * D  sa-abandon  SMS        human only 12:00 start in queue general; 12:00:05 customer; 12:05 timed out (queue 300 s)
 * </pre>
 * Messages: customers wrote a1, b1, c1, c2, d1 (5), agents b3, c3 (2), bots a2, b2 (2); one transfer (B).
 */
@ReadModelTest(properties = "ledger.test.ledger=service-analytics")
class ServiceAnalyticsTest extends ReadModelTestSupport {

    private static final CustomerId CUSTOMER = new CustomerId("analytics-customer");
    private static final ModelRef MODEL = new ModelRef("intent-bert", "3.2");

    @BeforeAll
    void journeys() {
        LedgerEvents ledger = ledger();
        ledger.append("BOT", "bot",
                start("sa-bot", Channel.WEB_CHAT, null, null, "09:00:00"),
                message("sa-bot", "a1", ParticipantRole.CUSTOMER, "09:00:10"),
                new IntentRecorded(id("sa-bot"), CUSTOMER, new MessageId("a1"), "card_arrival", 0.9, MODEL, at("09:00:12")),
                message("sa-bot", "a2", ParticipantRole.BOT, "09:00:15"),
                new SessionResolved(id("sa-bot"), CUSTOMER, "ANSWERED", true, ParticipantRole.BOT, null, at("09:01:00")),
                new SessionClosed(id("sa-bot"), CUSTOMER, at("09:01:10")),
                new SurveyResponseRecorded(id("sa-bot"), CUSTOMER, 5, 10, null, at("09:01:20")));
        ledger.append("BOT", "bot",
                start("sa-handoff", Channel.MOBILE_APP, null, null, "10:00:00"),
                message("sa-handoff", "b1", ParticipantRole.CUSTOMER, "10:00:20"),
                new IntentRecorded(id("sa-handoff"), CUSTOMER, new MessageId("b1"), "dispute", 0.8, MODEL, at("10:00:25")),
                message("sa-handoff", "b2", ParticipantRole.BOT, "10:00:30"),
                new HandoffRequested(id("sa-handoff"), CUSTOMER, "payments", "needs an agent", "summary", "dispute", null, 2, at("10:01:00")),
                new AgentAssigned(id("sa-handoff"), CUSTOMER, agent("a1"), "payments", at("10:03:00")),
                message("sa-handoff", "b3", ParticipantRole.AGENT, "10:03:30"),
                new SessionTransferred(id("sa-handoff"), CUSTOMER, agent("a1"), agent("a2"), null, TransferMode.WARM, "specialist", "note", at("10:05:00")),
                new SessionResolved(id("sa-handoff"), CUSTOMER, "FIXED", false, ParticipantRole.AGENT, agent("a2"), at("10:10:00")),
                new SessionClosed(id("sa-handoff"), CUSTOMER, at("10:11:00")),
                new SurveyResponseRecorded(id("sa-handoff"), CUSTOMER, 3, 6, null, at("10:12:00")));
        ledger.append("BOT", "bot",
                start("sa-chat", Channel.WEB_CHAT, null, null, "11:00:00"),
                message("sa-chat", "c1", ParticipantRole.CUSTOMER, "11:00:10"),
                new SessionAbandoned(id("sa-chat"), CUSTOMER, AbandonReason.BY_CUSTOMER, at("11:02:00")),
                new SessionContinuedElsewhere(id("sa-chat"), CUSTOMER, id("sa-call"), Channel.PHONE, "dropped", at("11:10:00")),
                start("sa-call", Channel.PHONE, "cards", id("sa-chat"), "11:10:00"),
                new AgentAssigned(id("sa-call"), CUSTOMER, agent("a1"), "cards", at("11:12:00")),
                message("sa-call", "c2", ParticipantRole.CUSTOMER, "11:12:30"),
                message("sa-call", "c3", ParticipantRole.AGENT, "11:12:40"),
                new SessionResolved(id("sa-call"), CUSTOMER, "FIXED", false, ParticipantRole.AGENT, agent("a1"), at("11:20:00")),
                new SessionClosed(id("sa-call"), CUSTOMER, at("11:21:00")),
                new SurveyResponseRecorded(id("sa-call"), CUSTOMER, 4, null, null, at("11:22:00")));
        ledger.append("SYSTEM", "sms-gateway",
                start("sa-abandon", Channel.SMS, "general", null, "12:00:00"),
                message("sa-abandon", "d1", ParticipantRole.CUSTOMER, "12:00:05"),
                new SessionAbandoned(id("sa-abandon"), CUSTOMER, AbandonReason.BY_TIMEOUT, at("12:05:00")));
        awaitVersions(Map.of("sa-bot", 6L, "sa-handoff", 10L, "sa-chat", 3L, "sa-call", 6L, "sa-abandon", 2L));
    }

    @Test
    void satisfactionOverallAndPerJourneySegment() {
        JsonNode report = api().get("/analytics/satisfaction?groupBy=segment");
        JsonNode all = report.path("overall");
        assertThat(all.path("closedSessions").asLong()).isEqualTo(3);
        assertThat(all.path("surveys").asLong()).isEqualTo(3);
        assertThat(all.path("responseRate").asDouble()).isEqualTo(1.0);
        assertThat(all.path("csatAnswers").asLong()).isEqualTo(3);
        assertThat(all.path("csatMean").asDouble()).isEqualTo(4.0);
        assertThat(all.path("satisfiedShare").asDouble()).isEqualTo(2.0 / 3);
        assertThat(all.path("npsAnswers").asLong()).isEqualTo(2);
        assertThat(all.path("nps").asDouble()).isEqualTo(0.0);

        Map<String, JsonNode> segments = groups(report);
        assertThat(segments).containsOnlyKeys("BOT_ONLY", "BOT_TO_HUMAN", "HUMAN_ONLY");
        assertThat(segments.get("BOT_ONLY").path("csatMean").asDouble()).isEqualTo(5.0);
        assertThat(segments.get("BOT_ONLY").path("nps").asDouble()).isEqualTo(100.0);
        assertThat(segments.get("BOT_TO_HUMAN").path("csatMean").asDouble()).isEqualTo(3.0);
        assertThat(segments.get("BOT_TO_HUMAN").path("satisfiedShare").asDouble()).isEqualTo(0.0);
        assertThat(segments.get("BOT_TO_HUMAN").path("nps").asDouble()).isEqualTo(-100.0);
        assertThat(segments.get("HUMAN_ONLY").path("csatMean").asDouble()).isEqualTo(4.0);
        assertThat(segments.get("HUMAN_ONLY").path("nps").isNull()).as("no NPS answer, nothing to divide by").isTrue();

        Map<String, JsonNode> continuation = groups(api().get("/analytics/satisfaction?groupBy=continuation"));
        assertThat(continuation.get("CONTINUED").path("csatMean").asDouble()).isEqualTo(4.0);
        assertThat(continuation.get("SINGLE_CHANNEL").path("surveys").asLong()).isEqualTo(2);
        assertThat(continuation.get("SINGLE_CHANNEL").path("nps").asDouble()).isEqualTo(0.0);
    }

    @Test
    void serviceEfficiencyOverallWithCountsTimesAndRates() {
        JsonNode all = api().get("/analytics/service-efficiency").path("overall");
        assertThat(all.path("sessions").asLong()).isEqualTo(5);
        assertThat(all.path("endedSessions").asLong()).isEqualTo(5);
        assertThat(all.path("customerMessages").asLong()).isEqualTo(5);
        assertThat(all.path("agentMessages").asLong()).isEqualTo(2);
        assertThat(all.path("botMessages").asLong()).isEqualTo(2);
        assertThat(all.path("transfers").asLong()).isEqualTo(1);
        timing(all.path("firstResponse"), 3, 25.0 / 3, 10.0, 10.0);
        timing(all.path("agentFirstResponseAfterHandoff"), 1, 150.0, 150.0, 150.0);
        timing(all.path("queueTime"), 3, 180.0, 120.0, 300.0);
        timing(all.path("handleTime"), 2, 450.0, 420.0, 480.0);
        assertThat(all.path("firstContactResolutionRate").asDouble()).isEqualTo(1.0 / 3);
        assertThat(all.path("botContainmentRate").asDouble()).isEqualTo(1.0 / 3);
        assertThat(all.path("transferRate").asDouble()).isEqualTo(0.5);
        assertThat(all.path("abandonmentRate").asDouble()).isEqualTo(0.4);
        assertThat(all.path("continuationRate").asDouble()).isEqualTo(0.2);
    }

    @Test
    void serviceEfficiencyPerAgentQueueAndChannel() {
        Map<String, JsonNode> agents = groups(api().get("/analytics/service-efficiency?groupBy=agent"));
        assertThat(agents).containsOnlyKeys("(none)", "a1", "a2");
        timing(agents.get("a1").path("handleTime"), 1, 480.0, 480.0, 480.0);
        timing(agents.get("a2").path("handleTime"), 1, 420.0, 420.0, 420.0);
        assertThat(agents.get("a2").path("transferRate").asDouble()).isEqualTo(1.0);
        assertThat(List.of("a1", "a2", "(none)").stream().map(agent -> List.of(
                agents.get(agent).path("customerMessages").asLong(), agents.get(agent).path("agentMessages").asLong(),
                agents.get(agent).path("botMessages").asLong(), agents.get(agent).path("transfers").asLong())))
                .as("customer, agent and bot messages and transfers of C2; of B; of A, C1 and D")
                .containsExactly(List.of(1L, 1L, 0L, 0L), List.of(1L, 1L, 1L, 1L), List.of(3L, 0L, 1L, 0L));

        Map<String, JsonNode> queues = groups(api().get("/analytics/service-efficiency?groupBy=queue"));
        assertThat(queues).containsOnlyKeys("(none)", "cards", "general", "payments");
        timing(queues.get("general").path("queueTime"), 1, 300.0, 300.0, 300.0);
        assertThat(queues.get("general").path("abandonmentRate").asDouble()).isEqualTo(1.0);

        Map<String, JsonNode> channels = groups(api().get("/analytics/service-efficiency?groupBy=channel"));
        assertThat(channels.get("WEB_CHAT").path("sessions").asLong()).isEqualTo(2);
        assertThat(channels.get("WEB_CHAT").path("botContainmentRate").asDouble()).isEqualTo(0.5);
        assertThat(channels.get("WEB_CHAT").path("continuationRate").asDouble()).isEqualTo(0.5);
        assertThat(api().get("/analytics/service-efficiency?from=2026-05-04T10:30:00Z").path("overall")
                .path("sessions").asLong()).as("sessions started in the window").isEqualTo(3);
        api().assertProblem("/analytics/service-efficiency?groupBy=colour", 400, "INVALID_PARAMETER");
    }

    @Test
    void filtersSelectSessionsByTheirDimensions() {
        JsonNode handedOff = api().get("/analytics/service-efficiency?segment=bot-to-human").path("overall");
        assertThat(handedOff.path("sessions").asLong()).as("B only").isEqualTo(1);
        timing(handedOff.path("queueTime"), 1, 120.0, 120.0, 120.0);

        JsonNode singleChannelChats = api().get("/analytics/service-efficiency?channel=WEB_CHAT&continued=false")
                .path("overall");
        assertThat(singleChannelChats.path("sessions").asLong()).as("A and C1").isEqualTo(2);
        assertThat(singleChannelChats.path("abandonmentRate").asDouble()).isEqualTo(0.5);

        JsonNode agentA1 = api().get("/analytics/service-efficiency?agent=a1").path("overall");
        assertThat(agentA1.path("sessions").asLong()).as("C2; B ended with a2").isEqualTo(1);
        timing(agentA1.path("handleTime"), 1, 480.0, 480.0, 480.0);

        Map<String, JsonNode> payments = groups(api().get("/analytics/service-efficiency?queue=payments&groupBy=agent"));
        assertThat(payments).containsOnlyKeys("a2");

        assertThat(api().get("/analytics/satisfaction?intent=card_arrival").path("overall").path("csatMean")
                .asDouble()).as("A").isEqualTo(5.0);
        JsonNode continued = api().get("/analytics/satisfaction?continued=true").path("overall");
        assertThat(continued.path("surveys").asLong()).as("C2").isEqualTo(1);
        assertThat(continued.path("csatMean").asDouble()).isEqualTo(4.0);
        assertThat(api().get("/analytics/service-efficiency?segment=HUMAN_ONLY").path("overall").path("sessions")
                .asLong()).as("C2 and D").isEqualTo(2);
        assertThat(api().get("/analytics/service-efficiency?segment=HUMAN_ONLY&to=2026-05-04T11:30:00Z")
                .path("overall").path("sessions").asLong()).as("C2; D started after the window").isEqualTo(1);

        api().assertInvalidParameters("/analytics/satisfaction?continued=maybe", "/analytics/satisfaction?segment=robot",
                "/analytics/satisfaction?channel=PIGEON",
                "/analytics/satisfaction?from=2026-05-05T00:00:00Z&to=2026-05-04T00:00:00Z");
    }

    @Test
    void aRebuildGivesIdenticalFigures() {
        JsonNode satisfaction = api().get("/analytics/satisfaction?groupBy=intent");
        JsonNode efficiency = api().get("/analytics/service-efficiency?groupBy=day");
        List<Map<String, Object>> before = jdbc.queryForList("SELECT * FROM analytics_session ORDER BY session_id");
        stopAndReset(ServiceAnalyticsProjection.PROCESSING_GROUP).start();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.queryForList("SELECT * FROM analytics_session ORDER BY session_id").equals(before));
        assertThat(api().get("/analytics/satisfaction?groupBy=intent")).isEqualTo(satisfaction);
        assertThat(api().get("/analytics/service-efficiency?groupBy=day")).isEqualTo(efficiency);
    }

    private static void timing(JsonNode timing, long measured, double average, double p50, double p90) {
        assertThat(timing.path("measured").asLong()).isEqualTo(measured);
        assertThat(timing.path("averageSeconds").asDouble()).isCloseTo(average, within(1e-9));
        assertThat(timing.path("p50Seconds").asDouble()).isEqualTo(p50);
        assertThat(timing.path("p90Seconds").asDouble()).isEqualTo(p90);
    }

    private static Map<String, JsonNode> groups(JsonNode report) {
        Map<String, JsonNode> groups = new java.util.LinkedHashMap<>();
        report.path("groups").forEach(group -> groups.put(group.path("group").asText(), group));
        return groups;
    }

    private void awaitVersions(Map<String, Long> versions) {
        awaitVersions("analytics_session", "session_id", versions);
    }

    private static SessionStarted start(String session, Channel channel, String queue, SessionId continuedFrom,
                                        String time) {
        return new SessionStarted(id(session), CUSTOMER, channel, null, "entry", "en", queue, continuedFrom,
                continuedFrom == null ? null : Channel.WEB_CHAT, null, at(time));
    }

    private static DialogueEvent message(String session, String messageId, ParticipantRole role, String time) {
        return new MessageRecorded(id(session), CUSTOMER, new MessageId(messageId), role,
                role == ParticipantRole.CUSTOMER ? CUSTOMER.value() : "someone", "text", null, null, List.of(), at(time));
    }

    private static SessionId id(String value) {
        return new SessionId(value);
    }

    private static AgentId agent(String value) {
        return new AgentId(value);
    }

    private static Instant at(String time) {
        return Instant.parse("2026-05-04T" + time + "Z");
    }
}

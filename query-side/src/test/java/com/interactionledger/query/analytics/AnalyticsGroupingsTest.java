package com.interactionledger.query.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.common.ParticipantRole;
import com.interactionledger.contracts.dialogue.AgentAssigned;
import com.interactionledger.contracts.dialogue.AgentId;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.contracts.dialogue.HandoffRequested;
import com.interactionledger.contracts.dialogue.ProductIdentified;
import com.interactionledger.contracts.dialogue.ProductSource;
import com.interactionledger.contracts.dialogue.SessionId;
import com.interactionledger.contracts.dialogue.SessionResolved;
import com.interactionledger.contracts.dialogue.SessionStarted;
import com.interactionledger.contracts.dialogue.SurveyResponseRecorded;
import com.interactionledger.query.ReadModelTest;
import com.interactionledger.query.ReadModelTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each grouping of the satisfaction and efficiency figures — channel, agent, queue, product, day, week, month — on
 * four sessions over two ISO weeks and two months of 2026, every figure worked out by hand below (UTC):
 * <pre>
 * G1 WEB_CHAT Mon 2026-03-30 09:00, handoff to cards 09:01, agent g-a1 09:03 (queue 120 s), product credit_card
 *    (agent), resolved 09:10; CSAT 5
 * G2 PHONE    Tue 2026-03-31 10:00 started in queue loans, agent g-a2 10:05 (queue 300 s), product mortgage
 *    (classifier), resolved 10:20; CSAT 3
 * G3 WEB_CHAT Thu 2026-04-02 11:00, handoff to cards 11:02, agent g-a1 11:03 (queue 60 s), product credit_card by
 *    the bot, then debit_card by the agent (the last counts), resolved 11:15; CSAT 4
 * G4 EMAIL    Tue 2026-04-07 12:00 started in queue loans, agent g-a2 12:10 (queue 600 s), product mortgage
 *    (agent), resolved 12:30; CSAT 1
 * </pre>
 * ISO weeks: 30 March–5 April 2026 is 2026-W14 (G1, G2, G3); 7 April is in 2026-W15 (G4).
 */
@ReadModelTest(properties = "ledger.test.ledger=analytics-groupings")
class AnalyticsGroupingsTest extends ReadModelTestSupport {

    private static final CustomerId CUSTOMER = new CustomerId("groupings-customer");
    private static final String WINDOW = "from=2026-03-01T00:00:00Z&to=2026-05-01T00:00:00Z";

    @BeforeAll
    void sessions() {
        ledger().append("AGENT", "g-a1",
                start("g1", Channel.WEB_CHAT, null, "2026-03-30T09:00:00Z"),
                new HandoffRequested(id("g1"), CUSTOMER, "cards", "needs an agent", "summary", null, null, 0,
                        Instant.parse("2026-03-30T09:01:00Z")),
                new AgentAssigned(id("g1"), CUSTOMER, new AgentId("g-a1"), "cards", Instant.parse("2026-03-30T09:03:00Z")),
                product("g1", "credit_card", ProductSource.AGENT, "2026-03-30T09:05:00Z"),
                resolved("g1", "g-a1", "2026-03-30T09:10:00Z"),
                survey("g1", 5, "2026-03-30T09:11:00Z"));
        ledger().append("AGENT", "g-a2",
                start("g2", Channel.PHONE, "loans", "2026-03-31T10:00:00Z"),
                new AgentAssigned(id("g2"), CUSTOMER, new AgentId("g-a2"), "loans", Instant.parse("2026-03-31T10:05:00Z")),
                product("g2", "mortgage", ProductSource.CLASSIFIER, "2026-03-31T10:06:00Z"),
                resolved("g2", "g-a2", "2026-03-31T10:20:00Z"),
                survey("g2", 3, "2026-03-31T10:21:00Z"));
        ledger().append("AGENT", "g-a1",
                start("g3", Channel.WEB_CHAT, null, "2026-04-02T11:00:00Z"),
                product("g3", "credit_card", ProductSource.BOT, "2026-04-02T11:01:00Z"),
                new HandoffRequested(id("g3"), CUSTOMER, "cards", "needs an agent", "summary", null, null, 0,
                        Instant.parse("2026-04-02T11:02:00Z")),
                new AgentAssigned(id("g3"), CUSTOMER, new AgentId("g-a1"), "cards", Instant.parse("2026-04-02T11:03:00Z")),
                product("g3", "debit_card", ProductSource.AGENT, "2026-04-02T11:04:00Z"),
                resolved("g3", "g-a1", "2026-04-02T11:15:00Z"),
                survey("g3", 4, "2026-04-02T11:16:00Z"));
        ledger().append("AGENT", "g-a2",
                start("g4", Channel.EMAIL, "loans", "2026-04-07T12:00:00Z"),
                new AgentAssigned(id("g4"), CUSTOMER, new AgentId("g-a2"), "loans", Instant.parse("2026-04-07T12:10:00Z")),
                product("g4", "mortgage", ProductSource.AGENT, "2026-04-07T12:11:00Z"),
                resolved("g4", "g-a2", "2026-04-07T12:30:00Z"),
                survey("g4", 1, "2026-04-07T12:31:00Z"));
        awaitVersions("analytics_session", "session_id", Map.of("g1", 5L, "g2", 4L, "g3", 6L, "g4", 4L));
    }

    @Test
    void byChannel() {
        assertThat(figures("channel")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "WEB_CHAT", "2 sessions, CSAT 4.5, queue 90.0 s",
                "PHONE", "1 sessions, CSAT 3.0, queue 300.0 s",
                "EMAIL", "1 sessions, CSAT 1.0, queue 600.0 s"));
    }

    @Test
    void byAgentAndByQueue() {
        assertThat(figures("agent")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "g-a1", "2 sessions, CSAT 4.5, queue 90.0 s",
                "g-a2", "2 sessions, CSAT 2.0, queue 450.0 s"));
        assertThat(figures("queue")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "cards", "2 sessions, CSAT 4.5, queue 90.0 s",
                "loans", "2 sessions, CSAT 2.0, queue 450.0 s"));
    }

    @Test
    void byProductTheLastIdentifiedCounts() {
        assertThat(figures("product")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "credit_card", "1 sessions, CSAT 5.0, queue 120.0 s",
                "debit_card", "1 sessions, CSAT 4.0, queue 60.0 s",
                "mortgage", "2 sessions, CSAT 2.0, queue 450.0 s"));
        assertThat(api().get("/analytics/service-efficiency?" + WINDOW + "&product=mortgage").path("overall")
                .path("sessions").asLong()).as("G2 and G4").isEqualTo(2);
        assertThat(api().get("/analytics/satisfaction?" + WINDOW + "&product=credit_card").path("overall")
                .path("csatMean").asDouble()).as("G1 only: G3's bot guess was replaced").isEqualTo(5.0);
    }

    @Test
    void byDayWeekAndMonth() {
        assertThat(figures("day")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "2026-03-30", "1 sessions, CSAT 5.0, queue 120.0 s",
                "2026-03-31", "1 sessions, CSAT 3.0, queue 300.0 s",
                "2026-04-02", "1 sessions, CSAT 4.0, queue 60.0 s",
                "2026-04-07", "1 sessions, CSAT 1.0, queue 600.0 s"));
        assertThat(figures("week")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "2026-W14", "3 sessions, CSAT 4.0, queue 160.0 s",
                "2026-W15", "1 sessions, CSAT 1.0, queue 600.0 s"));
        assertThat(figures("month")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "2026-03", "2 sessions, CSAT 4.0, queue 210.0 s",
                "2026-04", "2 sessions, CSAT 2.5, queue 330.0 s"));
    }

    /** Per group: sessions and average queue time from the efficiency figures, mean CSAT from the satisfaction ones. */
    private Map<String, String> figures(String groupBy) {
        Map<String, JsonNode> efficiency = groups(api().get("/analytics/service-efficiency?" + WINDOW + "&groupBy="
                + groupBy));
        Map<String, JsonNode> satisfaction = groups(api().get("/analytics/satisfaction?" + WINDOW + "&groupBy="
                + groupBy));
        assertThat(satisfaction.keySet()).isEqualTo(efficiency.keySet());
        Map<String, String> figures = new LinkedHashMap<>();
        efficiency.forEach((group, figure) -> figures.put(group, figure.path("sessions").asLong() + " sessions, CSAT "
                + satisfaction.get(group).path("csatMean").asDouble() + ", queue "
                + figure.path("queueTime").path("averageSeconds").asDouble() + " s"));
        return figures;
    }

    private static Map<String, JsonNode> groups(JsonNode report) {
        Map<String, JsonNode> groups = new LinkedHashMap<>();
        report.path("groups").forEach(group -> groups.put(group.path("group").asText(), group));
        return groups;
    }

    private static SessionStarted start(String session, Channel channel, String queue, String at) {
        return new SessionStarted(id(session), CUSTOMER, channel, null, "entry", "en", queue, null, null, null,
                Instant.parse(at));
    }

    private static ProductIdentified product(String session, String product, ProductSource source, String at) {
        return new ProductIdentified(id(session), CUSTOMER, product, null, source,
                source == ProductSource.AGENT ? "g-agent" : "g-machine", source == ProductSource.AGENT ? null : 0.9,
                Instant.parse(at));
    }

    private static SessionResolved resolved(String session, String agent, String at) {
        return new SessionResolved(id(session), CUSTOMER, "FIXED", true, ParticipantRole.AGENT, new AgentId(agent),
                Instant.parse(at));
    }

    private static SurveyResponseRecorded survey(String session, int csat, String at) {
        return new SurveyResponseRecorded(id(session), CUSTOMER, csat, null, null, Instant.parse(at));
    }

    private static SessionId id(String value) {
        return new SessionId(value);
    }
}

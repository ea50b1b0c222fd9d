package com.interactionledger.query.journeys;

import com.fasterxml.jackson.databind.JsonNode;
import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.common.ParticipantRole;
import com.interactionledger.contracts.complaint.ComplaintId;
import com.interactionledger.contracts.complaint.ComplaintLodged;
import com.interactionledger.contracts.complaint.Jurisdiction;
import com.interactionledger.contracts.complaint.ServiceRegime;
import com.interactionledger.contracts.dialogue.AbandonReason;
import com.interactionledger.contracts.dialogue.AgentAssigned;
import com.interactionledger.contracts.dialogue.AgentId;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.contracts.dialogue.SessionAbandoned;
import com.interactionledger.contracts.dialogue.SessionContinuedElsewhere;
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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journeys — sessions linked by continuation across channels — as an agent reads a customer's and as analysts read
 * their figures, on five journeys of June 2026 (UTC), every figure worked out by hand:
 * <pre>
 * J1 jr-customer WEB_CHAT Mon 06-01 09:00 chat; 09:10 continued on PHONE ("card blocked abroad"); agent 09:12;
 *    resolved 09:30 (1,800 s after first contact, on the second channel); CSAT 4; complaint jr-complaint raised
 *    from the call
 * J5 jr-other    WEB_CHAT Tue 06-02 08:00 chat; 08:20 SMS; 08:40 PHONE; resolved 09:00 (3,600 s); CSAT 2
 * J2 jr-customer EMAIL    Mon 06-08 10:00 in a queue; resolved 10:45 on its first channel (2,700 s); no survey
 * J3 jr-customer MOBILE_APP Tue 06-09 11:00; abandoned 11:05
 * J4 jr-customer WEB_CHAT Wed 06-10 12:00; still open
 * </pre>
 * Overall: 5 journeys; one channel 3 (J2, J3, J4), two 1 (J1), three 1 (J5); resolved 3, on the first channel 1 of
 * 5 (0.2); resolution 1,800, 2,700, 3,600 s: average 2,700, p50 2,700, p90 3,600; CSAT 4 and 2: mean 3.0.
 * ISO weeks: 1–7 June is 2026-W23 (J1, J5), 8–14 June 2026-W24 (J2, J3, J4).
 */
@ReadModelTest(properties = "ledger.test.ledger=journeys")
class JourneysTest extends ReadModelTestSupport {

    private static final CustomerId CUSTOMER = new CustomerId("jr-customer");
    private static final CustomerId OTHER = new CustomerId("jr-other");
    private static final String JUNE = "from=2026-06-01T00:00:00Z&to=2026-07-01T00:00:00Z";

    @BeforeAll
    void journeys() {
        ledger().append("AGENT", "jr-agent",
                start(CUSTOMER, "jr-chat", Channel.WEB_CHAT, null, null, "2026-06-01T09:00:00Z"),
                new SessionContinuedElsewhere(id("jr-chat"), CUSTOMER, id("jr-call"), Channel.PHONE,
                        "card blocked abroad", at("2026-06-01T09:10:00Z")),
                start(CUSTOMER, "jr-call", Channel.PHONE, "cards", "jr-chat", "2026-06-01T09:10:00Z"),
                new AgentAssigned(id("jr-call"), CUSTOMER, new AgentId("jr-agent"), "cards", at("2026-06-01T09:12:00Z")),
                resolved(CUSTOMER, "jr-call", "2026-06-01T09:30:00Z"),
                new SurveyResponseRecorded(id("jr-call"), CUSTOMER, 4, null, null, at("2026-06-01T09:31:00Z")));
        ledger().append("AGENT", "jr-agent",
                new ComplaintLodged(new ComplaintId("jr-complaint"), CUSTOMER, List.of(id("jr-call")), Channel.PHONE,
                        "debit_card", null, "blocked_card", null, "Card blocked abroad", null, Jurisdiction.UK_FCA,
                        ServiceRegime.GENERAL, at("2026-06-01T09:29:00Z")));
        ledger().append("AGENT", "jr-agent",
                start(OTHER, "jr-other-chat", Channel.WEB_CHAT, null, null, "2026-06-02T08:00:00Z"),
                new SessionContinuedElsewhere(id("jr-other-chat"), OTHER, id("jr-other-sms"), Channel.SMS, "moved",
                        at("2026-06-02T08:20:00Z")),
                start(OTHER, "jr-other-sms", Channel.SMS, null, "jr-other-chat", "2026-06-02T08:20:00Z"),
                new SessionContinuedElsewhere(id("jr-other-sms"), OTHER, id("jr-other-call"), Channel.PHONE, "called",
                        at("2026-06-02T08:40:00Z")),
                start(OTHER, "jr-other-call", Channel.PHONE, "cards", "jr-other-sms", "2026-06-02T08:40:00Z"),
                resolved(OTHER, "jr-other-call", "2026-06-02T09:00:00Z"),
                new SurveyResponseRecorded(id("jr-other-call"), OTHER, 2, null, null, at("2026-06-02T09:01:00Z")));
        ledger().append("AGENT", "jr-agent",
                start(CUSTOMER, "jr-mail", Channel.EMAIL, "mail", null, "2026-06-08T10:00:00Z"),
                resolved(CUSTOMER, "jr-mail", "2026-06-08T10:45:00Z"),
                start(CUSTOMER, "jr-app", Channel.MOBILE_APP, null, null, "2026-06-09T11:00:00Z"),
                new SessionAbandoned(id("jr-app"), CUSTOMER, AbandonReason.BY_CUSTOMER, at("2026-06-09T11:05:00Z")),
                start(CUSTOMER, "jr-web", Channel.WEB_CHAT, null, null, "2026-06-10T12:00:00Z"));
        awaitVersions("timeline_session", "session_id", Map.of("jr-chat", 1L, "jr-call", 3L, "jr-other-call", 2L,
                "jr-mail", 1L, "jr-app", 1L, "jr-web", 0L));
        awaitVersions("complaint_summary", "complaint_id", Map.of("jr-complaint", 0L));
    }

    @Test
    void anAgentReadsACustomersJourneysNewestFirstWithTheContextCarriedAtEachSwitch() {
        JsonNode first = api().get("/customers/jr-customer/journeys?limit=2");
        assertThat(first.path("journeys").findValuesAsText("outcome")).containsExactly("OPEN", "ABANDONED");
        JsonNode second = api().get("/customers/jr-customer/journeys?limit=2&cursor="
                + first.path("nextCursor").asText());
        assertThat(second.path("journeys").findValuesAsText("journeyId")).containsExactly("jr-mail", "jr-chat");
        assertThat(second.path("nextCursor").isNull()).isTrue();

        JsonNode mail = second.path("journeys").get(0);
        assertThat(mail.path("outcome").asText()).isEqualTo("RESOLVED");
        assertThat(mail.path("secondsToResolution").asDouble()).isEqualTo(2700.0);

        JsonNode switched = second.path("journeys").get(1);
        assertThat(texts(switched.path("channels"))).containsExactly("WEB_CHAT", "PHONE");
        assertThat(switched.path("entryChannel").asText()).isEqualTo("WEB_CHAT");
        assertThat(switched.path("sessions").findValuesAsText("sessionId")).containsExactly("jr-chat", "jr-call");
        assertThat(switched.path("sessions").get(0).path("contextCarried").isNull()).isTrue();
        assertThat(switched.path("sessions").get(1).path("contextCarried").asText()).isEqualTo("card blocked abroad");
        assertThat(texts(switched.path("complaints"))).containsExactly("jr-complaint");
        assertThat(switched.path("firstContactAt").asText()).isEqualTo("2026-06-01T09:00:00Z");
        assertThat(switched.path("resolvedAt").asText()).isEqualTo("2026-06-01T09:30:00Z");
        assertThat(switched.path("secondsToResolution").asDouble()).isEqualTo(1800.0);
        assertThat(switched.path("csat").asInt()).isEqualTo(4);
    }

    @Test
    void analystsReadTheFiguresOverJourneys() {
        JsonNode overall = api().get("/analytics/journeys?" + JUNE).path("overall");
        assertThat(overall.path("journeys").asLong()).isEqualTo(5);
        assertThat(overall.path("byChannelCount").toString()).isEqualTo("{\"1\":3,\"2\":1,\"3\":1}");
        assertThat(overall.path("resolved").asLong()).isEqualTo(3);
        assertThat(overall.path("resolvedOnFirstChannelRate").asDouble()).isEqualTo(0.2);
        assertThat(timing(overall.path("resolutionTime"))).isEqualTo("3: 2700.0 / 2700.0 / 3600.0");
        assertThat(overall.path("surveyed").asLong()).isEqualTo(2);
        assertThat(overall.path("csatMean").asDouble()).isEqualTo(3.0);

        assertThat(groups("entry-channel")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "WEB_CHAT", "3 journeys, 2 resolved, 0.0 on the first channel, 2: 2700.0 / 1800.0 / 3600.0, CSAT 3.0",
                "EMAIL", "1 journeys, 1 resolved, 1.0 on the first channel, 1: 2700.0 / 2700.0 / 2700.0, CSAT null",
                "MOBILE_APP", "1 journeys, 0 resolved, 0.0 on the first channel, 0: null / null / null, CSAT null"));
        assertThat(groups("week")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "2026-W23", "2 journeys, 2 resolved, 0.0 on the first channel, 2: 2700.0 / 1800.0 / 3600.0, CSAT 3.0",
                "2026-W24", "3 journeys, 1 resolved, 0.3333333333333333 on the first channel,"
                        + " 1: 2700.0 / 2700.0 / 2700.0, CSAT null"));
        assertThat(groups("channels").keySet()).containsExactly("1", "2", "3");
        assertThat(api().get("/analytics/journeys?" + JUNE + "&entryChannel=EMAIL").path("overall").path("journeys")
                .asLong()).isEqualTo(1);
        api().assertProblem("/analytics/journeys?groupBy=colour", 400, "INVALID_PARAMETER");
    }

    private Map<String, String> groups(String groupBy) {
        Map<String, String> groups = new LinkedHashMap<>();
        api().get("/analytics/journeys?" + JUNE + "&groupBy=" + groupBy).path("groups").forEach(group ->
                groups.put(group.path("group").asText(), group.path("journeys").asLong() + " journeys, "
                        + group.path("resolved").asLong() + " resolved, "
                        + group.path("resolvedOnFirstChannelRate").asDouble() + " on the first channel, "
                        + timing(group.path("resolutionTime")) + ", CSAT "
                        + (group.path("csatMean").isNull() ? "null" : group.path("csatMean").asDouble())));
        return groups;
    }

    private static String timing(JsonNode timing) {
        return timing.path("measured").asLong() + ": " + number(timing.path("averageSeconds")) + " / "
                + number(timing.path("p50Seconds")) + " / " + number(timing.path("p90Seconds"));
    }

    private static String number(JsonNode value) {
        return value.isNull() ? "null" : String.valueOf(value.asDouble());
    }

    private static List<String> texts(JsonNode array) {
        return each(array, JsonNode::asText);
    }

    private static SessionStarted start(CustomerId customer, String session, Channel channel, String queue,
                                        String continuedFrom, String at) {
        return new SessionStarted(id(session), customer, channel, null, "entry", "en", queue,
                continuedFrom == null ? null : id(continuedFrom), null,
                continuedFrom == null ? null : (session.equals("jr-call") ? "card blocked abroad" : "moved on"),
                at(at));
    }

    private static SessionResolved resolved(CustomerId customer, String session, String at) {
        return new SessionResolved(id(session), customer, "FIXED", false, ParticipantRole.AGENT,
                new AgentId("jr-agent"), at(at));
    }

    private static SessionId id(String value) {
        return new SessionId(value);
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}

package com.interactionledger.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static com.interactionledger.deploy.LedgerHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walking skeleton end to end on PostgreSQL: a customer starts with the bot on web chat, is handed to an
 * agent with context, carries the conversation on by phone, is helped, closes and answers the survey. The agent
 * timeline then shows every step of both sessions, in order, and every stored event carries who, where and why.
 */
class DialogueJourneyTest extends PostgresLedgerTest {

    @Test
    void botChatHandedToAgentThenContinuedByPhoneTimelineShowsEverythingInOrder() {
        String customer = "journey-customer";
        String chat = "journey-chat";
        String call = "journey-call";
        LedgerHttp bot = http.as("SYSTEM", "eva-bot").with("X-Channel", "WEB_CHAT").with("X-Correlation-Id", "journey-1");
        LedgerHttp agent = http.as("AGENT", "agent-7");
        // the web chat's gateway carries what the customer writes; the bot speaks for itself
        LedgerHttp customerSide = http.as("SYSTEM", "web-chat").with("X-Channel", "WEB_CHAT")
                .with("X-Correlation-Id", "journey-1");

        LedgerHttp.Response started = bot.post("/sessions", json("sessionId", chat, "customerId", customer,
                "channel", "WEB_CHAT", "entryPoint", "website-chat-widget", "language", "en"));
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        assertThat(started.header("Location")).isEqualTo("/sessions/" + chat);
        assertThat(started.header("ETag")).isEqualTo("\"0\"");

        ok(customerSide.post("/sessions/" + chat + "/messages", json("messageId", "m1", "authorRole", "CUSTOMER",
                "text", "My card was charged twice for one purchase", "language", "en")));
        ok(http.as("SYSTEM", "intent-service").post("/sessions/" + chat + "/intents", json("messageId", "m1", "label", "duplicate_charge",
                "confidence", 0.93, "classifier", Map.of("name", "intent-bert", "version", "3.2"))));
        ok(http.as("SYSTEM", "sentiment-service").post("/sessions/" + chat + "/sentiments", json("messageId", "m1", "score", -0.6,
                "model", Map.of("name", "sentiment-xlm", "version", "1.0"))));
        ok(bot.post("/sessions/" + chat + "/messages", json("messageId", "m2", "authorRole", "BOT",
                "authorId", "eva-bot", "text", "I will pass you to a colleague.")));
        ok(bot.post("/sessions/" + chat + "/handoff", json("queue", "cards", "reason", "refund needs a human",
                "contextSummary", "Charged twice at the same merchant on 20 Nov; customer verified.")));
        ok(agent.post("/sessions/" + chat + "/assignment", json("agentId", "agent-7")));
        LedgerHttp.Response agentSpoke = agent.post("/sessions/" + chat + "/messages", json("messageId", "m3",
                "authorRole", "AGENT", "authorId", "agent-7", "text", "I can see both charges, one moment."));
        ok(agentSpoke);
        assertThat(agentSpoke.header("ETag")).isEqualTo("\"7\"");

        // The chat drops; the customer calls and the IVR links the call to the chat.
        LedgerHttp ivr = http.as("SYSTEM", "ivr").with("X-Channel", "PHONE");
        LedgerHttp.Response continued = ivr.post("/sessions", json("sessionId", call, "customerId", customer,
                "channel", "PHONE", "entryPoint", "ivr-cards", "queue", "cards",
                "continuation", Map.of("previousSessionId", chat, "contextSummary", "Chat dropped during refund")));
        assertThat(continued.status()).as(continued.toString()).isEqualTo(201);
        assertThat(continued.json().path("events")).extracting(node -> node.path("type").asText())
                .containsExactly("SessionContinuedElsewhere", "SessionStarted");

        ok(agent.post("/sessions/" + call + "/assignment", json("agentId", "agent-7")));
        ok(agent.post("/sessions/" + call + "/messages", json("messageId", "c1", "authorRole", "AGENT",
                "authorId", "agent-7", "text", "Picking up from your chat: the refund is on its way.")));
        ok(agent.with("If-Match", "\"2\"").post("/sessions/" + call + "/resolution",
                json("resolutionCode", "REFUND_ISSUED", "firstContactResolution", false)));
        ok(agent.post("/sessions/" + call + "/closure", null));
        LedgerHttp.Response survey = http.as("SYSTEM", "survey-service").post("/sessions/" + call + "/survey",
                json("csat", 4, "nps", 9, "comment", "Good once I got through"));
        ok(survey);
        assertThat(survey.json().path("version").asLong()).isEqualTo(5);

        assertThat(eventTypesOf(chat)).containsExactly("SessionStarted", "MessageRecorded", "IntentRecorded",
                "SentimentRecorded", "MessageRecorded", "HandoffRequested", "AgentAssigned", "MessageRecorded",
                "SessionContinuedElsewhere");
        assertThat(eventTypesOf(call)).containsExactly("SessionStarted", "AgentAssigned", "MessageRecorded",
                "SessionResolved", "SessionClosed", "SurveyResponseRecorded");

        awaitTimelineVersion(chat, 8);
        awaitTimelineVersion(call, 5);
        LedgerHttp.Response timeline = http.get("/customers/" + customer + "/timeline");
        assertThat(timeline.status()).isEqualTo(200);
        JsonNode sessions = timeline.data().path("sessions");
        assertThat(sessions).hasSize(2);
        assertThat(timeline.data().path("nextCursor").isNull()).isTrue();

        JsonNode first = sessions.get(0);
        assertThat(texts(first, "sessionId", "channel", "state", "continuedTo", "queue", "agentId", "lastIntent"))
                .containsExactly(chat, "WEB_CHAT", "CONTINUED_ELSEWHERE", call, "cards", "agent-7", "duplicate_charge");
        assertThat(first.path("lastSentimentScore").asDouble()).isEqualTo(-0.6);
        assertThat(first.path("messageCount").asInt()).isEqualTo(3);
        assertThat(first.path("handoffContext").asText()).contains("Charged twice");
        assertThat(first.has("entries")).as("a timeline lists sessions, their dialogues open on demand").isFalse();

        // The agent opening the chat sees its whole dialogue, under the same summary as on the timeline.
        JsonNode chatOpened = opened(chat, first);
        assertThat(kinds(chatOpened)).containsExactly("SESSION_STARTED", "MESSAGE", "INTENT", "SENTIMENT", "MESSAGE",
                "HANDOFF", "AGENT_ASSIGNED", "MESSAGE", "CONTINUED_ELSEWHERE");
        JsonNode handoff = chatOpened.path("entries").get(5);
        assertThat(handoff.path("text").asText()).isEqualTo("Charged twice at the same merchant on 20 Nov; customer verified.");
        assertThat(handoff.path("details").path("lastIntent").asText()).isEqualTo("duplicate_charge");
        assertThat(handoff.path("details").path("messageCount").asInt()).isEqualTo(2);
        assertThat(handoff.path("actorRole").asText()).isEqualTo("SYSTEM");
        JsonNode customerMessage = chatOpened.path("entries").get(1);
        assertThat(customerMessage.path("actorRole").asText()).isEqualTo("CUSTOMER");
        assertThat(customerMessage.path("actorId").asText()).isEqualTo(customer);
        assertThat(customerMessage.path("text").asText()).isEqualTo("My card was charged twice for one purchase");

        JsonNode second = sessions.get(1);
        assertThat(texts(second, "sessionId", "channel", "state", "continuedFrom", "resolutionCode"))
                .containsExactly(call, "PHONE", "CLOSED", chat, "REFUND_ISSUED");
        assertThat(second.path("firstContactResolution").asBoolean()).isFalse();
        assertThat(second.path("csat").asInt()).isEqualTo(4);
        assertThat(second.path("nps").asInt()).isEqualTo(9);
        assertThat(second.path("endedAt").isNull()).isFalse();
        JsonNode callOpened = opened(call, second);
        assertThat(kinds(callOpened)).containsExactly("SESSION_STARTED", "AGENT_ASSIGNED", "MESSAGE", "RESOLVED",
                "CLOSED", "SURVEY");
        assertThat(callOpened.path("entries").get(0).path("details").path("continuedFromChannel").asText())
                .isEqualTo("WEB_CHAT");
        assertThat(callOpened.path("entries").get(0).path("text").asText()).isEqualTo("Chat dropped during refund");

        // Positions increase along each session: entries are in the order the ledger recorded them.
        assertThat(positions(chatOpened)).isSorted();
        assertThat(positions(callOpened)).isSorted();
    }

    @Test
    void everyStoredEventCarriesActorChannelCorrelationCausationAndCustomer() {
        String session = "metadata-session";
        LedgerHttp.Response started = http.as("SYSTEM", "eva-bot").with("X-Channel", "MOBILE_APP")
                .with("X-Correlation-Id", "flow-42")
                .post("/sessions", json("sessionId", session, "customerId", "metadata-customer",
                        "channel", "MOBILE_APP", "entryPoint", "app"));
        assertThat(started.status()).isEqualTo(201);
        ok(gateway().post("/sessions/" + session + "/messages", json("authorRole", "CUSTOMER", "text", "hello")));

        List<Map<String, Object>> rows = jdbc.queryForList("SELECT eventidentifier, "
                + "convert_from(metadata, 'UTF8')::jsonb ->> 'actorId' AS actor_id, "
                + "convert_from(metadata, 'UTF8')::jsonb ->> 'actorRole' AS actor_role, "
                + "convert_from(metadata, 'UTF8')::jsonb ->> 'channel' AS channel, "
                + "convert_from(metadata, 'UTF8')::jsonb ->> 'correlationId' AS correlation_id, "
                + "convert_from(metadata, 'UTF8')::jsonb ->> 'causationId' AS causation_id, "
                + "convert_from(metadata, 'UTF8')::jsonb ->> 'customerId' AS customer_id, "
                + "payloadrevision FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber",
                session);
        assertThat(rows).hasSize(2);
        Map<String, Object> first = rows.get(0);
        assertThat(first).containsEntry("actor_id", "eva-bot").containsEntry("actor_role", "SYSTEM")
                .containsEntry("channel", "MOBILE_APP").containsEntry("correlation_id", "flow-42")
                .containsEntry("customer_id", "metadata-customer").containsEntry("payloadrevision", "1");
        Map<String, Object> second = rows.get(1);
        assertThat(second).containsEntry("actor_id", TestInstallation.GATEWAY).containsEntry("actor_role", "SYSTEM")
                .containsEntry("channel", "API").containsEntry("customer_id", "metadata-customer");
        // Without X-Correlation-Id the edge mints one; the causation is the command, never the event itself.
        assertThat((String) second.get("correlation_id")).isNotBlank().isNotEqualTo("flow-42");
        assertThat(first.get("causation_id")).isNotNull().isNotEqualTo(second.get("causation_id"))
                .isNotEqualTo(first.get("eventidentifier"));
    }

    private static void ok(LedgerHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    /** The session as an agent opens it, checked to carry the summary the timeline showed. */
    private JsonNode opened(String session, JsonNode summary) {
        LedgerHttp.Response detail = http.get("/sessions/" + session);
        assertThat(detail.status()).isEqualTo(200);
        ObjectNode withoutEntries = ((ObjectNode) detail.data()).deepCopy();
        withoutEntries.remove("entries");
        withoutEntries.remove("nextCursor");
        assertThat(withoutEntries).isEqualTo(summary);
        return detail.data();
    }

    /** The text of each of {@code fields} of {@code node}, in the order named. */
    private static List<String> texts(JsonNode node, String... fields) {
        return Arrays.stream(fields).map(field -> node.path(field).asText()).toList();
    }

    private static List<String> kinds(JsonNode session) {
        List<String> kinds = new ArrayList<>();
        session.path("entries").forEach(entry -> kinds.add(entry.path("kind").asText()));
        return kinds;
    }

    private static List<Long> positions(JsonNode session) {
        List<Long> positions = new ArrayList<>();
        session.path("entries").forEach(entry -> positions.add(entry.path("position").asLong()));
        return positions;
    }
}

package com.interactionledger.query.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.common.ParticipantRole;
import com.interactionledger.contracts.dialogue.AbandonReason;
import com.interactionledger.contracts.dialogue.AgentAssigned;
import com.interactionledger.contracts.dialogue.AgentId;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.contracts.dialogue.HandoffRequested;
import com.interactionledger.contracts.dialogue.IntentRecorded;
import com.interactionledger.contracts.dialogue.MessageId;
import com.interactionledger.contracts.dialogue.MessageRecorded;
import com.interactionledger.contracts.dialogue.ModelRef;
import com.interactionledger.contracts.dialogue.SentimentRecorded;
import com.interactionledger.contracts.dialogue.SessionAbandoned;
import com.interactionledger.contracts.dialogue.SessionClosed;
import com.interactionledger.contracts.dialogue.SessionContinuedElsewhere;
import com.interactionledger.contracts.dialogue.SessionId;
import com.interactionledger.contracts.dialogue.SessionPutOnHold;
import com.interactionledger.contracts.dialogue.SessionResolved;
import com.interactionledger.contracts.dialogue.SessionResumed;
import com.interactionledger.contracts.dialogue.SessionStarted;
import com.interactionledger.contracts.dialogue.SessionTransferred;
import com.interactionledger.contracts.dialogue.SocialNetwork;
import com.interactionledger.contracts.dialogue.SurveyResponseRecorded;
import com.interactionledger.contracts.dialogue.TransferMode;
import com.interactionledger.query.LedgerEvents;
import com.interactionledger.projections.timeline.TimelineProjection;
import com.interactionledger.query.ReadModelTest;
import com.interactionledger.query.ReadModelTestSupport;
import com.interactionledger.query.web.QueryParameters;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timeline projection fed with hand-written events on a real PostgreSQL and read back through the HTTP
 * query API. Expected figures are worked out by hand from the events below.
 */
@ReadModelTest
class TimelineProjectionTest extends ReadModelTestSupport {

    private static final CustomerId CUSTOMER = new CustomerId("tl-customer");
    private static final SessionId CHAT = new SessionId("tl-chat");
    private static final SessionId WECHAT = new SessionId("tl-wechat");
    private static final SessionId CALL = new SessionId("tl-call");
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final ModelRef CLASSIFIER = new ModelRef("intent-bert", "3.2");
    private static final ModelRef SENTIMENT = new ModelRef("sentiment-xlm", "1.0");
    private static final AgentId ANNA = new AgentId("agent-anna");
    private static final AgentId BEN = new AgentId("agent-ben");

    @Autowired
    TokenStore tokenStore;
    @Autowired
    TransactionTemplate transactions;

    @BeforeAll
    void recordJourneys() {
        LedgerEvents ledger = ledger();
        ledger.append("BOT", "eva-bot",
                new SessionStarted(CHAT, CUSTOMER, Channel.WEB_CHAT, null, "help-page", "en", null, null, null, null, t(0)),
                message(CHAT, "m1", ParticipantRole.CUSTOMER, CUSTOMER.value(), "I lost my card", 1),
                new IntentRecorded(CHAT, CUSTOMER, new MessageId("m1"), "card_lost", 0.91, CLASSIFIER, t(2)),
                new SentimentRecorded(CHAT, CUSTOMER, new MessageId("m1"), -0.5, SENTIMENT, t(3)),
                message(CHAT, "m2", ParticipantRole.BOT, "eva-bot", "Let me get a colleague", 4),
                new HandoffRequested(CHAT, CUSTOMER, "cards", "card must be blocked", "Lost card, verified",
                        "card_lost", -0.5, 2, t(5)));
        ledger.append("AGENT", ANNA.value(),
                new AgentAssigned(CHAT, CUSTOMER, ANNA, "cards", t(6)),
                message(CHAT, "m3", ParticipantRole.AGENT, ANNA.value(), "Blocking it now", 7),
                new SessionPutOnHold(CHAT, CUSTOMER, ANNA, "checking transactions", t(8)),
                new SessionResumed(CHAT, CUSTOMER, ANNA, t(9)),
                new SessionTransferred(CHAT, CUSTOMER, ANNA, BEN, null, TransferMode.WARM, "replacement card",
                        "Card blocked, needs a new one", t(10)));
        ledger.append("AGENT", BEN.value(),
                new SessionResolved(CHAT, CUSTOMER, "CARD_REPLACED", true, ParticipantRole.AGENT, BEN, t(11)),
                new SessionClosed(CHAT, CUSTOMER, t(12)));
        ledger.append("SYSTEM", "survey-service",
                new SurveyResponseRecorded(CHAT, CUSTOMER, 5, 10, "Great help", t(13)));
        ledger.append("BOT", "wechat-bot",
                new SessionStarted(WECHAT, CUSTOMER, Channel.SOCIAL, SocialNetwork.WECHAT, "official-account",
                        "zh-CN", null, null, null, null, t(20)),
                message(WECHAT, "w1", ParticipantRole.CUSTOMER, CUSTOMER.value(), "我的新卡什么时候到？", 21),
                new SessionAbandoned(WECHAT, CUSTOMER, AbandonReason.BY_TIMEOUT, t(22)));
        ledger.append("SYSTEM", "ivr",
                new SessionContinuedElsewhere(WECHAT, CUSTOMER, CALL, Channel.PHONE, "Asked about the new card", t(30)),
                new SessionStarted(CALL, CUSTOMER, Channel.PHONE, null, "ivr", "zh-CN", "cards", WECHAT,
                        Channel.SOCIAL, "Asked about the new card", t(30)));
        ledger.append("AGENT", ANNA.value(), new AgentAssigned(CALL, CUSTOMER, ANNA, "cards", t(31)));
        awaitJourneysRecorded();
    }

    @Test
    void timelineShowsEverySessionAcrossChannelsWithItsStandingAndEachOpensWithItsEntriesInOrder() {
        JsonNode page = api().get("/customers/tl-customer/timeline");
        JsonNode sessions = page.path("sessions");
        assertThat(ids(sessions)).containsExactly("tl-chat", "tl-wechat", "tl-call");
        assertThat(page.path("nextCursor").isNull()).isTrue();

        JsonNode chat = sessions.get(0);
        assertThat(chat.path("state").asText()).isEqualTo("CLOSED");
        assertThat(chat.path("channel").asText()).isEqualTo("WEB_CHAT");
        assertThat(chat.path("queue").asText()).isEqualTo("cards");
        assertThat(chat.path("agentId").asText()).isEqualTo("agent-ben");
        assertThat(chat.path("lastIntent").asText()).isEqualTo("card_lost");
        assertThat(chat.path("lastSentimentScore").asDouble()).isEqualTo(-0.5);
        assertThat(chat.path("handoffContext").asText()).isEqualTo("Lost card, verified");
        assertThat(chat.path("messageCount").asInt()).isEqualTo(3);
        assertThat(chat.path("resolutionCode").asText()).isEqualTo("CARD_REPLACED");
        assertThat(chat.path("firstContactResolution").asBoolean()).isTrue();
        assertThat(chat.path("csat").asInt()).isEqualTo(5);
        assertThat(chat.path("nps").asInt()).isEqualTo(10);
        assertThat(chat.path("startedAt").asText()).isEqualTo("2026-03-02T09:00:00Z");
        // Ended when it stopped being open (resolution), not at closure.
        assertThat(chat.path("endedAt").asText()).isEqualTo(t(11).toString());
        assertThat(chat.path("version").asLong()).isEqualTo(13);
        assertThat(chat.has("entries")).as("the timeline lists sessions; each opens with its dialogue").isFalse();
        chat = opened(chat);
        assertThat(kinds(chat)).containsExactly("SESSION_STARTED", "MESSAGE", "INTENT", "SENTIMENT", "MESSAGE",
                "HANDOFF", "AGENT_ASSIGNED", "MESSAGE", "ON_HOLD", "RESUMED", "TRANSFERRED", "RESOLVED", "CLOSED",
                "SURVEY");
        JsonNode transfer = chat.path("entries").get(10);
        assertThat(transfer.path("actorId").asText()).isEqualTo("agent-anna");
        assertThat(transfer.path("text").asText()).isEqualTo("Card blocked, needs a new one");
        assertThat(transfer.path("details").path("toAgentId").asText()).isEqualTo("agent-ben");
        assertThat(transfer.path("details").path("mode").asText()).isEqualTo("WARM");
        JsonNode botMessage = chat.path("entries").get(4);
        assertThat(botMessage.path("actorRole").asText()).isEqualTo("BOT");
        assertThat(botMessage.path("occurredAt").asText()).isEqualTo(t(4).toString());
        JsonNode survey = chat.path("entries").get(13);
        assertThat(survey.path("actorId").asText()).isEqualTo("survey-service");
        assertThat(survey.path("text").asText()).isEqualTo("Great help");

        JsonNode wechat = sessions.get(1);
        assertThat(wechat.path("socialNetwork").asText()).isEqualTo("WECHAT");
        // Continuing an abandoned session records the link and keeps the outcome.
        assertThat(wechat.path("state").asText()).isEqualTo("ABANDONED");
        assertThat(wechat.path("continuedTo").asText()).isEqualTo("tl-call");
        assertThat(wechat.path("endedAt").asText()).isEqualTo(t(22).toString());
        wechat = opened(wechat);
        assertThat(kinds(wechat)).containsExactly("SESSION_STARTED", "MESSAGE", "ABANDONED", "CONTINUED_ELSEWHERE");
        assertThat(wechat.path("entries").get(1).path("text").asText()).isEqualTo("我的新卡什么时候到？");

        JsonNode call = sessions.get(2);
        assertThat(call.path("state").asText()).isEqualTo("WITH_AGENT");
        assertThat(call.path("continuedFrom").asText()).isEqualTo("tl-wechat");
        assertThat(call.path("endedAt").isNull()).isTrue();
        assertThat(call.path("messageCount").asInt()).isZero();
        call = opened(call);
        assertThat(call.path("entries").get(0).path("details").path("continuedFromChannel").asText()).isEqualTo("SOCIAL");
    }

    /**
     * What the customer and the staff wrote (an entry's text, the personal fields of its details, a session's handoff
     * context) is stored sealed under the customer's key, so that erasing the customer shreds it in the read model
     * too; the API shows it in clear.
     */
    @Test
    void personalTextIsStoredSealedAndShownInClear() {
        List<String> personal = List.of("I lost my card", "Let me get a colleague", "card must be blocked",
                "Lost card, verified", "Blocking it now", "checking transactions", "replacement card",
                "Card blocked, needs a new one", "Great help", "我的新卡什么时候到？", "Asked about the new card");
        String stored = rows().toString();
        assertThat(stored).as("what is not personal is in clear").contains("tl-chat", "card_lost", "agent-ben",
                "WARM", "BY_TIMEOUT");
        personal.forEach(text -> assertThat(stored).doesNotContain(text));
        assertThat(jdbc.queryForList("SELECT content FROM timeline_entry WHERE content IS NOT NULL", String.class))
                .hasSize(9).allMatch(content -> content.startsWith("rm1:"));

        JsonNode chat = api().get("/sessions/tl-chat");
        assertThat(chat.path("handoffContext").asText()).isEqualTo("Lost card, verified");
        assertThat(texts(chat.path("entries"), "text")).contains("I lost my card", "Let me get a colleague",
                "Lost card, verified", "Blocking it now", "Card blocked, needs a new one", "Great help");
        assertThat(chat.path("entries").get(5).path("details").path("reason").asText())
                .isEqualTo("card must be blocked");
        assertThat(chat.path("entries").get(8).path("details").path("reason").asText())
                .isEqualTo("checking transactions");
        assertThat(chat.path("entries").get(10).path("details").path("reason").asText()).isEqualTo("replacement card");
    }

    /** The session as an agent opens it from its summary on the timeline: the same fields, and its entries. */
    private JsonNode opened(JsonNode summary) {
        JsonNode detail = api().get("/sessions/" + summary.path("sessionId").asText());
        ObjectNode withoutEntries = detail.deepCopy();
        withoutEntries.remove("entries");
        withoutEntries.remove("nextCursor");
        assertThat(withoutEntries).isEqualTo(summary);
        assertThat(detail.path("entries").isArray()).isTrue();
        assertThat(detail.path("nextCursor").isNull()).as("every entry on one page").isTrue();
        return detail;
    }

    /**
     * A session's dialogue grows without bound, so it opens a page of entries at a time: the chat's 14 entries in
     * pages of at most 5, in recorded order, each page's cursor leading to the next and the last page's to none.
     */
    @Test
    void aSessionsEntriesComeInPagesOfAtMostTheLimitInRecordedOrder() {
        List<Long> sequences = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api().get("/sessions/tl-chat?limit=5" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.path("sessionId").asText()).isEqualTo("tl-chat");
            page.path("entries").forEach(entry -> sequences.add(entry.path("sequence").asLong()));
            pageSizes.add(page.path("entries").size());
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
        } while (cursor != null);
        assertThat(pageSizes).containsExactly(5, 5, 4);
        assertThat(sequences).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L);
        assertThat(api().get("/sessions/tl-chat").path("entries")).as("the default page holds them all").hasSize(14);

        api().assertInvalidParameters("/sessions/tl-chat?limit=0", "/sessions/tl-chat?limit=201",
                "/sessions/tl-chat?cursor=bm90IGEgY3Vyc29y",
                "/sessions/tl-chat?cursor=" + QueryParameters.encodeCursor(T0, "tl-chat"));
    }

    @Test
    void pagesWithCursorsInBothOrdersAndTimeWindows() {
        List<String> ascending = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = api().get("/customers/tl-customer/timeline?limit=1" + (cursor == null ? "" : "&cursor=" + cursor));
            ascending.addAll(ids(page.path("sessions")));
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
            pages++;
        } while (cursor != null);
        assertThat(ascending).containsExactly("tl-chat", "tl-wechat", "tl-call");
        assertThat(pages).isEqualTo(3);

        JsonNode newestFirst = api().get("/customers/tl-customer/timeline?order=desc&limit=2");
        assertThat(ids(newestFirst.path("sessions"))).containsExactly("tl-call", "tl-wechat");
        JsonNode rest = api().get("/customers/tl-customer/timeline?order=desc&limit=2&cursor="
                + newestFirst.path("nextCursor").asText());
        assertThat(ids(rest.path("sessions"))).containsExactly("tl-chat");

        assertThat(ids(api().get("/customers/tl-customer/timeline?from=" + t(20)).path("sessions")))
                .containsExactly("tl-wechat", "tl-call");
        assertThat(ids(api().get("/customers/tl-customer/timeline?to=" + t(20)).path("sessions")))
                .containsExactly("tl-chat");
        assertThat(ids(api().get("/customers/nobody/timeline").path("sessions"))).isEmpty();
    }

    @Test
    void refusesBadParametersAndUnknownSessionsWithCodes() {
        api().assertInvalidParameters("/customers/tl-customer/timeline?from=yesterday",
                "/customers/tl-customer/timeline?from=" + t(5) + "&to=" + t(1),
                "/customers/tl-customer/timeline?order=sideways", "/customers/tl-customer/timeline?limit=0",
                "/customers/tl-customer/timeline?cursor=bm90IGEgY3Vyc29y");
        api().assertProblem("/customers/not valid!/timeline", 400, "INVALID_IDENTIFIER");
        api().assertProblem("/sessions/tl-unknown", 404, "SESSION_NOT_FOUND");
    }

    @Test
    void redeliveredEventsChangeNothingAndAFullRebuildGivesIdenticalRows() {
        List<Map<String, Object>> before = rows();
        StreamingEventProcessor processor = processor(TimelineProjection.PROCESSING_GROUP);

        // Redelivery: rewind every segment's token without clearing the tables (as after a crash mid-batch).
        processor.shutDown();
        transactions.executeWithoutResult(status -> {
            for (int segment : tokenStore.fetchSegments(TimelineProjection.PROCESSING_GROUP)) {
                tokenStore.storeToken(GapAwareTrackingToken.newInstance(1, List.of()),
                        TimelineProjection.PROCESSING_GROUP, segment);
            }
        });
        processor.start();
        awaitCaughtUp(processor);
        assertThat(rows()).isEqualTo(before);

        // Rebuild: the reset handler clears the tables and every event is replayed.
        stopAndReset(TimelineProjection.PROCESSING_GROUP);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM timeline_entry", Long.class)).isZero();
        processor.start();
        awaitJourneysRecorded();
        awaitCaughtUp(processor);
        assertThat(rows()).isEqualTo(before);
    }

    private List<Map<String, Object>> rows() {
        List<Map<String, Object>> rows = new ArrayList<>(jdbc.queryForList(
                "SELECT * FROM timeline_session ORDER BY session_id"));
        rows.addAll(jdbc.queryForList("SELECT * FROM timeline_entry ORDER BY session_id, sequence_number"));
        return rows;
    }

    private void awaitJourneysRecorded() {
        awaitVersions("timeline_session", "session_id", Map.of(CHAT.value(), 13L, WECHAT.value(), 3L, CALL.value(), 1L));
    }

    private static List<String> ids(JsonNode sessions) {
        return texts(sessions, "sessionId");
    }

    private static List<String> kinds(JsonNode session) {
        return texts(session.path("entries"), "kind");
    }

    private static MessageRecorded message(SessionId session, String id, ParticipantRole role, String author,
                                           String text, int minute) {
        return new MessageRecorded(session, CUSTOMER, new MessageId(id), role, author, text, null, null, List.of(), t(minute));
    }

    private static Instant t(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }
}

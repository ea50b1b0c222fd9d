package com.interactionledger.command.dialogue;

import com.interactionledger.ledger.append.RuleViolations;
import com.interactionledger.contracts.common.AccessRole;
import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.contracts.common.ParticipantRole;
import com.interactionledger.contracts.dialogue.AbandonReason;
import com.interactionledger.contracts.dialogue.AbandonSession;
import com.interactionledger.contracts.dialogue.AgentAssigned;
import com.interactionledger.contracts.dialogue.AgentId;
import com.interactionledger.contracts.dialogue.AssignAgent;
import com.interactionledger.contracts.dialogue.Caller;
import com.interactionledger.contracts.dialogue.IdentifyProduct;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.contracts.dialogue.CloseSession;
import com.interactionledger.contracts.dialogue.CorrectBotAnswer;
import com.interactionledger.contracts.dialogue.HandoffRequested;
import com.interactionledger.contracts.dialogue.IntentRecorded;
import com.interactionledger.contracts.dialogue.MessageId;
import com.interactionledger.contracts.dialogue.MessageRecorded;
import com.interactionledger.contracts.dialogue.ModelRef;
import com.interactionledger.contracts.dialogue.PutSessionOnHold;
import com.interactionledger.contracts.dialogue.RecordIntent;
import com.interactionledger.contracts.dialogue.RecordMessage;
import com.interactionledger.contracts.dialogue.RecordSentiment;
import com.interactionledger.contracts.dialogue.RecordSurveyResponse;
import com.interactionledger.contracts.dialogue.RequestHandoff;
import com.interactionledger.contracts.dialogue.ResolveSession;
import com.interactionledger.contracts.dialogue.ResumeSession;
import com.interactionledger.contracts.dialogue.SentimentRecorded;
import com.interactionledger.contracts.dialogue.SessionAbandoned;
import com.interactionledger.contracts.dialogue.SessionClosed;
import com.interactionledger.contracts.dialogue.SessionContinuedElsewhere;
import com.interactionledger.contracts.dialogue.SessionId;
import com.interactionledger.contracts.dialogue.SessionPutOnHold;
import com.interactionledger.contracts.dialogue.SessionResolved;
import com.interactionledger.contracts.dialogue.SessionStarted;
import com.interactionledger.contracts.dialogue.SessionState;
import com.interactionledger.contracts.dialogue.SessionTransferred;
import com.interactionledger.contracts.dialogue.StartSession;
import com.interactionledger.contracts.dialogue.TransferMode;
import com.interactionledger.contracts.dialogue.TransferSession;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Matcher;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Shared test data of the dialogue tests: fixed ids and times, the event histories that bring a session into each
 * {@link SessionState}, one canonical command per {@link DialogueStep}, and a matcher for the error code of a
 * {@link DialogueRuleViolation}. Nothing here reads a clock or a random source.
 */
final class SessionScenarios {

    static final SessionId SESSION = new SessionId("ses-1");
    static final SessionId NEXT_SESSION = new SessionId("ses-2");
    static final CustomerId CUSTOMER = new CustomerId("cust-1");
    static final CustomerId OTHER_CUSTOMER = new CustomerId("cust-2");
    static final AgentId AGENT_1 = new AgentId("agent-1");
    static final AgentId AGENT_2 = new AgentId("agent-2");
    static final AgentId AGENT_3 = new AgentId("agent-3");
    static final String BOT_ID = "bot-7";
    static final String SUPERVISOR_ID = "sup-1";
    static final String SYSTEM_ID = "ivr";

    /** Written by the customer in every history. */
    static final MessageId MSG_1 = new MessageId("msg-1");
    /** Written by the bot in every history. */
    static final MessageId MSG_2 = new MessageId("msg-2");
    /** Not yet part of any history. */
    static final MessageId MSG_NEW = new MessageId("msg-3");
    /** Never part of the session. */
    static final MessageId MSG_UNKNOWN = new MessageId("msg-99");

    static final String QUEUE = "cards";
    static final String OTHER_QUEUE = "fraud";
    static final ModelRef CLASSIFIER = new ModelRef("intent-classifier", "2.1.0");
    static final ModelRef SENTIMENT_MODEL = new ModelRef("sentiment-model", "1.4.2");

    /** The last intent label and sentiment score of every history (earlier ones are overridden). */
    static final String LAST_INTENT = "card-retained";
    static final double LAST_SENTIMENT = -0.6;
    /** Messages in every history: {@link #MSG_1} and {@link #MSG_2}. */
    static final int HISTORY_MESSAGES = 2;

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    /** The time every command under test carries. */
    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    private SessionScenarios() {
    }

    static Instant at(int minute) {
        return T0.plusSeconds(60L * minute);
    }

    static AggregateTestFixture<InteractionSession> newFixture() {
        AggregateTestFixture<InteractionSession> fixture = new AggregateTestFixture<>(InteractionSession.class);
        fixture.registerAnnotatedCommandHandler(new SessionStarter(fixture.getRepository()));
        return fixture;
    }

    // ---- histories: the given-events that bring the session into each state ----

    static List<Object> historyOf(SessionState state) {
        return switch (state) {
            case BOT_HANDLING -> botHandling();
            case QUEUED -> queued();
            case WITH_AGENT -> withAgent();
            case ON_HOLD -> onHold();
            case RESOLVED -> resolved();
            case CLOSED -> closed();
            case ABANDONED -> abandoned();
            case CONTINUED_ELSEWHERE -> continuedElsewhere();
        };
    }

    static SessionStarted started(String queue) {
        return startedAt(queue, T0);
    }

    private static SessionStarted startedAt(String queue, Instant at) {
        return new SessionStarted(SESSION, CUSTOMER, Channel.WEB_CHAT, null, "help-center/cards", "en", queue,
                null, null, null, at);
    }

    /** Started with the bot; the customer and the bot spoke, two intents and two sentiments were recorded. */
    static List<Object> botHandling() {
        return List.of(
                started(null),
                new MessageRecorded(SESSION, CUSTOMER, MSG_1, ParticipantRole.CUSTOMER, CUSTOMER.value(),
                        "The ATM kept my card", "en", null, List.of(), at(1)),
                new IntentRecorded(SESSION, CUSTOMER, MSG_1, "balance-inquiry", 0.41, CLASSIFIER, at(1)),
                new SentimentRecorded(SESSION, CUSTOMER, MSG_1, -0.2, SENTIMENT_MODEL, at(1)),
                new IntentRecorded(SESSION, CUSTOMER, MSG_1, LAST_INTENT, 0.93, CLASSIFIER, at(2)),
                new SentimentRecorded(SESSION, CUSTOMER, MSG_1, LAST_SENTIMENT, SENTIMENT_MODEL, at(2)),
                new MessageRecorded(SESSION, CUSTOMER, MSG_2, ParticipantRole.BOT, BOT_ID,
                        "I can block the card for you", "en", null, List.of(), at(3)));
    }

    static List<Object> queued() {
        return with(botHandling(),
                new HandoffRequested(SESSION, CUSTOMER, QUEUE, "customer asked for a human",
                        "Card retained by ATM", LAST_INTENT, LAST_SENTIMENT, HISTORY_MESSAGES, at(4)));
    }

    static List<Object> withAgent() {
        return with(queued(), new AgentAssigned(SESSION, CUSTOMER, AGENT_1, QUEUE, at(5)));
    }

    static List<Object> onHold() {
        return with(withAgent(), new SessionPutOnHold(SESSION, CUSTOMER, AGENT_1, "checking the card", at(6)));
    }

    static List<Object> resolved() {
        return with(withAgent(), new SessionResolved(SESSION, CUSTOMER, "card-reissued", false,
                ParticipantRole.AGENT, AGENT_1, at(7)));
    }

    static List<Object> closed() {
        return with(resolved(), new SessionClosed(SESSION, CUSTOMER, at(8)));
    }

    static List<Object> abandoned() {
        return with(queued(), new SessionAbandoned(SESSION, CUSTOMER, AbandonReason.BY_TIMEOUT, at(9)));
    }

    static List<Object> continuedElsewhere() {
        return with(botHandling(), new SessionContinuedElsewhere(SESSION, CUSTOMER, NEXT_SESSION, Channel.PHONE,
                "Card retained by ATM; customer calls in", at(4)));
    }

    /** A transfer that happened before the command under test (not the canonical one). */
    static SessionTransferred transferred(AgentId from, AgentId to, String toQueue) {
        return new SessionTransferred(SESSION, CUSTOMER, from, to, toQueue, TransferMode.COLD, "rebalancing", null,
                at(6));
    }

    static List<Object> with(List<Object> history, Object... more) {
        List<Object> events = new ArrayList<>(history);
        events.addAll(Arrays.asList(more));
        return events;
    }

    // ---- one canonical command per step ----

    static Object commandFor(DialogueStep step) {
        return switch (step) {
            case RECORD_MESSAGE -> customerMessage(MSG_NEW, null);
            case RECORD_INTENT -> recordIntent(MSG_1);
            case RECORD_SENTIMENT -> recordSentiment(MSG_2);
            case IDENTIFY_PRODUCT -> new IdentifyProduct(SESSION, null, "credit_card", null, null,
                    Caller.person(AGENT_1.value(), AccessRole.AGENT), NOW);
            case CORRECT_ANSWER -> correctAnswer(MSG_2, null);
            case REQUEST_HANDOFF -> requestHandoff();
            case ASSIGN_AGENT -> assignAgent(AGENT_1);
            case TRANSFER -> transferToAgent(AGENT_2);
            case PUT_ON_HOLD -> putOnHold();
            case RESUME -> resume();
            case RESOLVE -> resolve();
            case ABANDON -> abandon();
            case CLOSE -> close();
            case RECORD_SURVEY -> survey();
            case CONTINUE_ELSEWHERE -> throw new IllegalArgumentException(
                    "CONTINUE_ELSEWHERE is a StartSession on another session, not a command on this one");
        };
    }

    /** The web chat's gateway, which carries what the customer writes on the session's channel. */
    static final Caller CHAT_GATEWAY = new Caller("web-chat-gateway", AccessRole.SYSTEM, Set.of(Channel.WEB_CHAT),
            Set.of());
    /** The bot of the session's channel. */
    static final Caller CHAT_BOT = new Caller(BOT_ID, AccessRole.SYSTEM, Set.of(), Set.of(Channel.WEB_CHAT));

    /**
     * A message as the caller entitled to write it sends it: the channel's gateway for the customer, the bot for
     * BOT, and for the others the actor named ({@code authorId}), acting in that role.
     */
    static RecordMessage message(MessageId id, ParticipantRole role, String authorId) {
        return message(id, role, authorId, switch (role) {
            case CUSTOMER -> CHAT_GATEWAY;
            case BOT -> CHAT_BOT;
            case AGENT -> Caller.person(authorId, AccessRole.AGENT);
            case SUPERVISOR -> Caller.person(authorId, AccessRole.SUPERVISOR);
            case SYSTEM -> Caller.person(authorId, AccessRole.SYSTEM);
        });
    }

    /** A message sent by this caller, whatever it may write. */
    static RecordMessage message(MessageId id, ParticipantRole role, String authorId, Caller caller) {
        return new RecordMessage(SESSION, null, id, role, authorId, "Is the new card on its way?", "en", List.of(),
                NOW, caller);
    }

    static RecordMessage customerMessage(MessageId id, String authorId) {
        return message(id, ParticipantRole.CUSTOMER, authorId);
    }

    /** The event {@link #message} leads to when accepted, with the author id the session records. */
    static MessageRecorded messageRecorded(MessageId id, ParticipantRole role, String recordedAuthorId) {
        return new MessageRecorded(SESSION, CUSTOMER, id, role, recordedAuthorId, "Is the new card on its way?",
                "en", null, List.of(), NOW);
    }

    static RecordIntent recordIntent(MessageId messageId) {
        return new RecordIntent(SESSION, null, messageId, "card-reissue", 0.88, CLASSIFIER, NOW);
    }

    static IntentRecorded intentRecorded(MessageId messageId) {
        return new IntentRecorded(SESSION, CUSTOMER, messageId, "card-reissue", 0.88, CLASSIFIER, NOW);
    }

    static RecordSentiment recordSentiment(MessageId messageId) {
        return new RecordSentiment(SESSION, null, messageId, 0.3, SENTIMENT_MODEL, NOW);
    }

    static SentimentRecorded sentimentRecorded(MessageId messageId) {
        return new SentimentRecorded(SESSION, CUSTOMER, messageId, 0.3, SENTIMENT_MODEL, NOW);
    }

    /** The assigned agent marks the bot's answer {@code answer} as outdated, in {@code in} (null: this session). */
    static CorrectBotAnswer correctAnswer(MessageId answer, SessionId in) {
        return new CorrectBotAnswer(SESSION, null, answer, in, null, "outdated", NOW,
                Caller.person(AGENT_1.value(), AccessRole.AGENT));
    }

    static RequestHandoff requestHandoff() {
        return new RequestHandoff(SESSION, null, QUEUE, "bot cannot reissue cards", "Card retained; wants a new one",
                NOW);
    }

    static HandoffRequested handoffRequested(String lastIntent, Double lastSentiment, int messageCount) {
        return new HandoffRequested(SESSION, CUSTOMER, QUEUE, "bot cannot reissue cards",
                "Card retained; wants a new one", lastIntent, lastSentiment, messageCount, NOW);
    }

    static AssignAgent assignAgent(AgentId agent) {
        return new AssignAgent(SESSION, null, agent, NOW);
    }

    static TransferSession transferToAgent(AgentId to) {
        return new TransferSession(SESSION, null, to, null, TransferMode.WARM, "needs a card specialist",
                "customer already verified", NOW);
    }

    static TransferSession transferToQueue(String queue) {
        return new TransferSession(SESSION, null, null, queue, TransferMode.COLD, "suspected fraud", null, NOW);
    }

    static PutSessionOnHold putOnHold() {
        return new PutSessionOnHold(SESSION, null, "asking the back office", NOW);
    }

    static ResumeSession resume() {
        return new ResumeSession(SESSION, null, NOW);
    }

    static ResolveSession resolve() {
        return new ResolveSession(SESSION, null, "card-blocked", true, NOW);
    }

    static AbandonSession abandon() {
        return new AbandonSession(SESSION, null, AbandonReason.BY_CUSTOMER, NOW);
    }

    static CloseSession close() {
        return new CloseSession(SESSION, null, NOW);
    }

    static RecordSurveyResponse survey() {
        return new RecordSurveyResponse(SESSION, null, 5, 9, "quick and friendly", NOW);
    }

    static StartSession startSession(String queue) {
        return new StartSession(SESSION, CUSTOMER, Channel.WEB_CHAT, null, "help-center/cards", "en", queue, null,
                NOW);
    }

    /** The event {@link #startSession} leads to. */
    static SessionStarted sessionStarted(String queue) {
        return startedAt(queue, NOW);
    }

    /** The event {@link #transferToAgent} leads to, from the agent the session was with. */
    static SessionTransferred transferredToAgent(AgentId from, AgentId to) {
        return new SessionTransferred(SESSION, CUSTOMER, from, to, null, TransferMode.WARM, "needs a card specialist",
                "customer already verified", NOW);
    }

    // ---- error codes ----

    /** Matches a {@link DialogueRuleViolation} carrying exactly {@code code}. */
    static Matcher<DialogueRuleViolation> violation(ErrorCode code) {
        return RuleViolations.violation(DialogueRuleViolation.class, code);
    }
}

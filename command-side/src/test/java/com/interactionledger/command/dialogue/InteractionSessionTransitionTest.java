package com.interactionledger.command.dialogue;

import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.contracts.common.ParticipantRole;
import com.interactionledger.contracts.dialogue.AbandonReason;
import com.interactionledger.contracts.dialogue.AgentAssigned;
import com.interactionledger.contracts.dialogue.BotAnswerCorrected;
import com.interactionledger.contracts.dialogue.ProductIdentified;
import com.interactionledger.contracts.dialogue.ProductSource;
import com.interactionledger.contracts.dialogue.IntentRecorded;
import com.interactionledger.contracts.dialogue.MessageRecorded;
import com.interactionledger.contracts.dialogue.SentimentRecorded;
import com.interactionledger.contracts.dialogue.SessionAbandoned;
import com.interactionledger.contracts.dialogue.SessionClosed;
import com.interactionledger.contracts.dialogue.SessionPutOnHold;
import com.interactionledger.contracts.dialogue.SessionResolved;
import com.interactionledger.contracts.dialogue.SessionResumed;
import com.interactionledger.contracts.dialogue.SessionState;
import com.interactionledger.contracts.dialogue.SessionTransferred;
import com.interactionledger.contracts.dialogue.SurveyResponseRecorded;
import com.interactionledger.contracts.dialogue.TransferMode;
import com.interactionledger.command.AggregateFixtureSupport;
import com.interactionledger.command.TransitionTables;
import com.interactionledger.command.TransitionTables.StepFrom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.interactionledger.command.dialogue.DialogueStep.ABANDON;
import static com.interactionledger.command.dialogue.DialogueStep.ASSIGN_AGENT;
import static com.interactionledger.command.dialogue.DialogueStep.CLOSE;
import static com.interactionledger.command.dialogue.DialogueStep.CONTINUE_ELSEWHERE;
import static com.interactionledger.command.dialogue.DialogueStep.CORRECT_ANSWER;
import static com.interactionledger.command.dialogue.DialogueStep.PUT_ON_HOLD;
import static com.interactionledger.command.dialogue.DialogueStep.IDENTIFY_PRODUCT;
import static com.interactionledger.command.dialogue.DialogueStep.RECORD_INTENT;
import static com.interactionledger.command.dialogue.DialogueStep.RECORD_MESSAGE;
import static com.interactionledger.command.dialogue.DialogueStep.RECORD_SENTIMENT;
import static com.interactionledger.command.dialogue.DialogueStep.RECORD_SURVEY;
import static com.interactionledger.command.dialogue.DialogueStep.REQUEST_HANDOFF;
import static com.interactionledger.command.dialogue.DialogueStep.RESOLVE;
import static com.interactionledger.command.dialogue.DialogueStep.RESUME;
import static com.interactionledger.command.dialogue.DialogueStep.TRANSFER;
import static com.interactionledger.command.TransitionTables.camel;
import static com.interactionledger.command.dialogue.SessionScenarios.*;
import static com.interactionledger.contracts.dialogue.SessionState.BOT_HANDLING;
import static com.interactionledger.contracts.dialogue.SessionState.CLOSED;
import static com.interactionledger.contracts.dialogue.SessionState.ON_HOLD;
import static com.interactionledger.contracts.dialogue.SessionState.QUEUED;
import static com.interactionledger.contracts.dialogue.SessionState.RESOLVED;
import static com.interactionledger.contracts.dialogue.SessionState.WITH_AGENT;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The transition table of the dialogue, command by command and state by state. The legal transitions are written
 * out here with the exact event each must produce; every other (step, state) pair must be refused with
 * {@link ErrorCode#ILLEGAL_TRANSITION} and append nothing. {@link DialogueStep#CONTINUE_ELSEWHERE} is a
 * StartSession seen from another session and is covered by {@link ContinuationPolicyTest}.
 */
class InteractionSessionTransitionTest extends AggregateFixtureSupport<InteractionSession> {

    private static final Set<SessionState> OPEN = EnumSet.of(BOT_HANDLING, QUEUED, WITH_AGENT, ON_HOLD);

    InteractionSessionTransitionTest() {
        super(SessionScenarios::newFixture, DialogueRuleViolation.class);
    }

    /** A legal transition: from a session in {@code from}, {@code command} (of {@code step}) yields {@code event}. */
    record Transition(String name, SessionState from, DialogueStep step, Object command, Object event) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Transition> legalTransitions() {
        List<Transition> table = new ArrayList<>();
        for (SessionState from : OPEN) {
            table.add(new Transition(
                    "given" + camel(from) + "_whenCustomerWrites_thenMessageRecordedForSessionCustomer",
                    from, RECORD_MESSAGE, customerMessage(MSG_NEW, null),
                    messageRecorded(MSG_NEW, ParticipantRole.CUSTOMER, CUSTOMER.value())));
            table.add(new Transition("given" + camel(from) + "_whenAbandoned_thenAbandonedWithReason",
                    from, ABANDON, abandon(),
                    new SessionAbandoned(SESSION, CUSTOMER, AbandonReason.BY_CUSTOMER, NOW)));
        }
        for (SessionState from : SessionState.values()) {
            table.add(new Transition("given" + camel(from) + "_whenIntentRecordedForKnownMessage_thenIntentRecorded",
                    from, RECORD_INTENT, recordIntent(MSG_1), intentRecorded(MSG_1)));
            table.add(new Transition(
                    "given" + camel(from) + "_whenSentimentRecordedForKnownMessage_thenSentimentRecorded",
                    from, RECORD_SENTIMENT, recordSentiment(MSG_2), sentimentRecorded(MSG_2)));
            table.add(new Transition("given" + camel(from) + "_whenTheBotsAnswerIsCorrected_thenAnswerCorrected",
                    from, CORRECT_ANSWER, correctAnswer(MSG_2, null), new BotAnswerCorrected(SESSION, CUSTOMER, MSG_2,
                            AGENT_1.value(), SESSION, null, "outdated", NOW)));
            table.add(new Transition("given" + camel(from) + "_whenAnAgentNamesTheProduct_thenProductIdentified",
                    from, IDENTIFY_PRODUCT, commandFor(IDENTIFY_PRODUCT), new ProductIdentified(SESSION, CUSTOMER,
                            "credit_card", null, ProductSource.AGENT, AGENT_1.value(), null, NOW)));
        }
        table.add(new Transition("givenBotHandling_whenHandoffRequested_thenQueuedWithContext",
                BOT_HANDLING, REQUEST_HANDOFF, requestHandoff(),
                handoffRequested(LAST_INTENT, LAST_SENTIMENT, HISTORY_MESSAGES)));
        table.add(new Transition("givenQueued_whenAgentAssigned_thenAgentTakesItFromTheHandoffQueue",
                QUEUED, ASSIGN_AGENT, assignAgent(AGENT_1),
                new AgentAssigned(SESSION, CUSTOMER, AGENT_1, QUEUE, NOW)));
        for (SessionState from : List.of(WITH_AGENT, ON_HOLD)) {
            table.add(new Transition(
                    "given" + camel(from) + "_whenTransferredToAnotherAgent_thenTransferredFromAssignedAgent",
                    from, TRANSFER, transferToAgent(AGENT_2), transferredToAgent(AGENT_1, AGENT_2)));
            table.add(new Transition(
                    "given" + camel(from) + "_whenTransferredToQueue_thenTransferredFromAssignedAgentToQueue",
                    from, TRANSFER, transferToQueue(OTHER_QUEUE),
                    new SessionTransferred(SESSION, CUSTOMER, AGENT_1, null, OTHER_QUEUE, TransferMode.COLD,
                            "suspected fraud", null, NOW)));
        }
        table.add(new Transition("givenWithAgent_whenPutOnHold_thenOnHoldByAssignedAgent",
                WITH_AGENT, PUT_ON_HOLD, putOnHold(),
                new SessionPutOnHold(SESSION, CUSTOMER, AGENT_1, "asking the back office", NOW)));
        table.add(new Transition("givenOnHold_whenResumed_thenResumedByAssignedAgent",
                ON_HOLD, RESUME, resume(),
                new SessionResumed(SESSION, CUSTOMER, AGENT_1, NOW)));
        table.add(new Transition("givenBotHandling_whenResolved_thenResolvedByBotWithoutAgent",
                BOT_HANDLING, RESOLVE, resolve(),
                new SessionResolved(SESSION, CUSTOMER, "card-blocked", true, ParticipantRole.BOT, null, NOW)));
        table.add(new Transition("givenWithAgent_whenResolved_thenResolvedByAssignedAgent",
                WITH_AGENT, RESOLVE, resolve(),
                new SessionResolved(SESSION, CUSTOMER, "card-blocked", true, ParticipantRole.AGENT, AGENT_1, NOW)));
        table.add(new Transition("givenResolved_whenClosed_thenClosed",
                RESOLVED, CLOSE, close(),
                new SessionClosed(SESSION, CUSTOMER, NOW)));
        table.add(new Transition("givenClosed_whenSurveyAnswered_thenSurveyResponseRecorded",
                CLOSED, RECORD_SURVEY, survey(),
                new SurveyResponseRecorded(SESSION, CUSTOMER, 5, 9, "quick and friendly", NOW)));
        return table;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("legalTransitions")
    void givenStateAllowingStepWhenCommandSentThenExactlyTheExpectedEvent(Transition transition) {
        fixture.given(historyOf(transition.from()))
                .when(transition.command())
                .expectSuccessfulHandlerExecution()
                .expectEvents(transition.event());
    }

    /** Every (step, state) pair that is not in the legal table above, CONTINUE_ELSEWHERE aside. */
    static Stream<Arguments> illegalTransitions() {
        return TransitionTables.illegalTransitions(allPairs(), specifiedPairs());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("illegalTransitions")
    void givenStateNotAllowingStepWhenCommandSentThenIllegalTransitionAndNoEvents(DialogueStep step,
                                                                                     SessionState state) {
        expectRefused(historyOf(state), commandFor(step), ErrorCode.ILLEGAL_TRANSITION);
    }

    @Test
    void dialogueStepTableAllowsExactlyTheLegalTransitionsSpecifiedHere() {
        assertEquals(specifiedPairs(), TransitionTables.allowed(allPairs()));
    }

    // ---- fields the session derives from its history ----

    @Test
    void givenFreshBotSessionWhenHandoffRequestedThenContextHasNoIntentNoSentimentNoMessages() {
        fixture.given(started(null))
                .when(requestHandoff())
                .expectEvents(handoffRequested(null, null, 0));
    }

    @Test
    void givenSessionLevelIntentAndSentimentAfterMessageOnesWhenHandoffRequestedThenLatestOnesAreHandedOver() {
        fixture.given(with(botHandling(),
                        new IntentRecorded(SESSION, CUSTOMER, null, "lost-card", 0.7, CLASSIFIER, at(5)),
                        new SentimentRecorded(SESSION, CUSTOMER, null, 0.1, SENTIMENT_MODEL, at(5)),
                        new MessageRecorded(SESSION, CUSTOMER, MSG_NEW, ParticipantRole.CUSTOMER, CUSTOMER.value(),
                                "Please hurry", "en", null, List.of(), at(6))))
                .when(requestHandoff())
                .expectEvents(handoffRequested("lost-card", 0.1, 3));
    }

    @Test
    void givenStartedWithQueueWhenAgentAssignedThenAgentTakesItFromTheStartQueue() {
        fixture.given(started(OTHER_QUEUE))
                .when(assignAgent(AGENT_2))
                .expectEvents(new AgentAssigned(SESSION, CUSTOMER, AGENT_2, OTHER_QUEUE, NOW));
    }

    @Test
    void givenTransferredToQueueWhenAgentAssignedThenAgentTakesItFromTheNewQueue() {
        fixture.given(with(withAgent(), transferred(AGENT_1, null, OTHER_QUEUE)))
                .when(assignAgent(AGENT_2))
                .expectEvents(new AgentAssigned(SESSION, CUSTOMER, AGENT_2, OTHER_QUEUE, NOW));
    }

    @Test
    void givenTransferredToAnotherAgentWhenTransferredAgainThenFromAgentIsTheCurrentAgent() {
        fixture.given(with(withAgent(), transferred(AGENT_1, AGENT_2, null)))
                .when(transferToAgent(AGENT_3))
                .expectEvents(transferredToAgent(AGENT_2, AGENT_3));
    }

    @Test
    void givenTransferredToAnotherAgentWhenTransferredBackToFirstAgentThenAccepted() {
        fixture.given(with(withAgent(), transferred(AGENT_1, AGENT_2, null)))
                .when(transferToAgent(AGENT_1))
                .expectEvents(transferredToAgent(AGENT_2, AGENT_1));
    }

    @Test
    void givenTransferredToAnotherAgentWhenResolvedThenResolvedByTheNewAgent() {
        fixture.given(with(withAgent(), transferred(AGENT_1, AGENT_2, null)))
                .when(resolve())
                .expectEvents(new SessionResolved(SESSION, CUSTOMER, "card-blocked", true, ParticipantRole.AGENT,
                        AGENT_2, NOW));
    }

    @Test
    void givenTransferredToQueueWhenResolvedThenIllegalTransition() {
        expectRefused(with(onHold(), transferred(AGENT_1, null, OTHER_QUEUE)), resolve(), ErrorCode.ILLEGAL_TRANSITION);
    }

    @Test
    void givenResumedFromHoldWhenPutOnHoldAgainThenOnHoldByAssignedAgent() {
        fixture.given(with(onHold(), new SessionResumed(SESSION, CUSTOMER, AGENT_1, at(7))))
                .when(putOnHold())
                .expectEvents(new SessionPutOnHold(SESSION, CUSTOMER, AGENT_1, "asking the back office", NOW));
    }

    private static Set<StepFrom<DialogueStep, SessionState>> specifiedPairs() {
        return legalTransitions().stream()
                .map(t -> new StepFrom<>(t.step(), t.from()))
                .collect(Collectors.toSet());
    }

    private static Stream<StepFrom<DialogueStep, SessionState>> allPairs() {
        return TransitionTables.allPairs(DialogueStep.values(), SessionState.values())
                .filter(pair -> pair.step() != CONTINUE_ELSEWHERE);
    }
}

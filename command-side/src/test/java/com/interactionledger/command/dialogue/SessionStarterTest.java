package com.interactionledger.command.dialogue;

import com.interactionledger.command.AggregateFixtureSupport;
import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.contracts.dialogue.AgentAssigned;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.contracts.dialogue.SessionStarted;
import com.interactionledger.contracts.dialogue.SocialNetwork;
import com.interactionledger.contracts.dialogue.StartSession;
import org.junit.jupiter.api.Test;

import static com.interactionledger.command.dialogue.SessionScenarios.*;

/**
 * StartSession without a continuation, through the external {@link SessionStarter}: where the new session starts
 * (with the bot, or waiting in a queue) shows in which command it accepts next.
 */
class SessionStarterTest extends AggregateFixtureSupport<InteractionSession> {

    SessionStarterTest() {
        super(SessionScenarios::newFixture, DialogueRuleViolation.class);
    }

    @Test
    void givenNoSessionWhenStartedWithoutQueueThenSessionStartedForTheBot() {
        fixture.givenNoPriorActivity()
                .when(startSession(null))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(SESSION)
                .expectEvents(sessionStarted(null));
    }

    @Test
    void givenNoSessionWhenStartedWithQueueThenSessionStartedWaitingInThatQueue() {
        fixture.givenNoPriorActivity()
                .when(startSession(QUEUE))
                .expectResultMessagePayload(SESSION)
                .expectEvents(sessionStarted(QUEUE));
    }

    @Test
    void givenNoSessionWhenStartedOnASocialNetworkThenNetworkRecorded() {
        fixture.givenNoPriorActivity()
                .when(new StartSession(SESSION, CUSTOMER, Channel.SOCIAL, SocialNetwork.WECHAT, "wechat/official",
                        "zh-CN", null, null, NOW))
                .expectEvents(new SessionStarted(SESSION, CUSTOMER, Channel.SOCIAL, SocialNetwork.WECHAT,
                        "wechat/official", "zh-CN", null, null, null, null, NOW));
    }

    @Test
    void givenStartedWithoutQueueWhenHandoffRequestedThenTheBotHandsItOver() {
        fixture.givenCommands(startSession(null))
                .when(requestHandoff())
                .expectEvents(handoffRequested(null, null, 0));
    }

    @Test
    void givenStartedWithoutQueueWhenAgentAssignedThenIllegalTransition() {
        expectRefused(fixture.givenCommands(startSession(null)).when(assignAgent(AGENT_1)),
                ErrorCode.ILLEGAL_TRANSITION);
    }

    @Test
    void givenStartedWithQueueWhenAgentAssignedThenAgentTakesItFromThatQueue() {
        fixture.givenCommands(startSession(QUEUE))
                .when(assignAgent(AGENT_1))
                .expectEvents(new AgentAssigned(SESSION, CUSTOMER, AGENT_1, QUEUE, NOW));
    }

    @Test
    void givenStartedWithQueueWhenHandoffRequestedThenIllegalTransition() {
        expectRefused(fixture.givenCommands(startSession(QUEUE)).when(requestHandoff()),
                ErrorCode.ILLEGAL_TRANSITION);
    }
}

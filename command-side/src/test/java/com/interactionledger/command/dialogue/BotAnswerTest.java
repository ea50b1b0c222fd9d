package com.interactionledger.command.dialogue;

import com.interactionledger.command.AggregateFixtureSupport;
import com.interactionledger.contracts.common.AccessRole;
import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.contracts.common.ParticipantRole;
import com.interactionledger.contracts.dialogue.AnswerBasis;
import com.interactionledger.contracts.dialogue.AnswerBasisRecorded;
import com.interactionledger.contracts.dialogue.ArticleRef;
import com.interactionledger.contracts.dialogue.BotAnswerCorrected;
import com.interactionledger.contracts.dialogue.Caller;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.contracts.dialogue.CorrectBotAnswer;
import com.interactionledger.contracts.dialogue.MessageId;
import com.interactionledger.contracts.dialogue.ModelRef;
import com.interactionledger.contracts.dialogue.RecordMessage;
import com.interactionledger.contracts.dialogue.SessionId;
import com.interactionledger.contracts.knowledge.ArticleId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.interactionledger.command.dialogue.SessionScenarios.*;

/**
 * A bot's answer with what it was based on, and its correction by a person later in the journey (docs/BOT-ANSWERS.md).
 */
class BotAnswerTest extends AggregateFixtureSupport<InteractionSession> {

    private static final AnswerBasis BASIS = new AnswerBasis(new ModelRef("eva-llm", "2026.01"), "cards-prompt-3",
            List.of(new ArticleRef(new ArticleId("kb-cards-012"), 2, "A card kept by an ATM", 0.91)), 0.8, false,
            "the ATM kept my card");

    BotAnswerTest() {
        super(SessionScenarios::newFixture, DialogueRuleViolation.class);
    }

    private static RecordMessage answer(MessageId id, ParticipantRole role, Caller caller, AnswerBasis basis) {
        return new RecordMessage(SESSION, null, id, role, null, "Is the new card on its way?", "en", List.of(), NOW,
                caller, basis);
    }

    @Test
    void givenBotHandlingWhenTheBotAnswersWithItsBasisThenTheMessageAndItsBasisAreRecordedTogether() {
        fixture.given(botHandling())
                .when(answer(MSG_NEW, ParticipantRole.BOT, CHAT_BOT, BASIS))
                .expectEvents(messageRecorded(MSG_NEW, ParticipantRole.BOT, BOT_ID),
                        new AnswerBasisRecorded(SESSION, CUSTOMER, MSG_NEW, Channel.WEB_CHAT, BASIS, NOW));
    }

    @Test
    void givenBotHandlingWhenTheBotAnswersWithoutABasisThenOnlyTheMessageIsRecorded() {
        fixture.given(botHandling())
                .when(answer(MSG_NEW, ParticipantRole.BOT, CHAT_BOT, null))
                .expectEvents(messageRecorded(MSG_NEW, ParticipantRole.BOT, BOT_ID));
    }

    @Test
    void givenBotHandlingWhenACustomerMessageCarriesABasisThenNotABotAnswer() {
        expectRefused(botHandling(), answer(MSG_NEW, ParticipantRole.CUSTOMER, CHAT_GATEWAY, BASIS),
                ErrorCode.NOT_A_BOT_ANSWER);
    }

    @Test
    void givenClosedWhenTheAgentCorrectsTheBotsAnswerThenItIsCorrectedByTheCaller() {
        fixture.given(closed())
                .when(correctAnswer(MSG_2, null))
                .expectEvents(new BotAnswerCorrected(SESSION, CUSTOMER, MSG_2, AGENT_1.value(), SESSION, null,
                        "outdated", NOW));
    }

    @Test
    void givenTheAgentRepliedWhenTheAgentsToolingCorrectsItNamingTheReplyThenTheMachineIsTheCorrector() {
        Caller tooling = Caller.person("agent-desktop", AccessRole.SYSTEM);
        fixture.given(with(withAgent(), messageRecorded(MSG_NEW, ParticipantRole.AGENT, AGENT_1.value())))
                .when(new CorrectBotAnswer(SESSION, null, MSG_2, SESSION, MSG_NEW, "wrong_article", NOW, tooling))
                .expectEvents(new BotAnswerCorrected(SESSION, CUSTOMER, MSG_2, "agent-desktop", SESSION, MSG_NEW,
                        "wrong_article", NOW));
    }

    @Test
    void givenWithAgentWhenTheCorrectionNamesAReplacingMessageOfNoSessionThenUnknownMessage() {
        expectRefused(withAgent(), new CorrectBotAnswer(SESSION, null, MSG_2, null, MSG_UNKNOWN, "outdated", NOW,
                Caller.person(AGENT_1.value(), AccessRole.AGENT)), ErrorCode.UNKNOWN_MESSAGE);
    }

    @Test
    void givenContinuedOnTheNextSessionWhenCorrectedThereThenTheCorrectionNamesTheNextSession() {
        fixture.given(continuedElsewhere())
                .when(correctAnswer(MSG_2, NEXT_SESSION))
                .expectEvents(new BotAnswerCorrected(SESSION, CUSTOMER, MSG_2, AGENT_1.value(), NEXT_SESSION, null,
                        "outdated", NOW));
    }

    @Test
    void givenNotContinuedWhenCorrectedInAnotherSessionThenCorrectionOutOfJourney() {
        expectRefused(resolved(), correctAnswer(MSG_2, NEXT_SESSION), ErrorCode.CORRECTION_OUT_OF_JOURNEY);
    }

    @Test
    void givenContinuedOnTheNextSessionWhenCorrectedInAThirdThenCorrectionOutOfJourney() {
        expectRefused(continuedElsewhere(), correctAnswer(MSG_2, new SessionId("ses-9")),
                ErrorCode.CORRECTION_OUT_OF_JOURNEY);
    }

    @Test
    void givenResolvedWhenTheCorrectionNamesTheCustomersMessageThenNotABotAnswer() {
        expectRefused(resolved(), correctAnswer(MSG_1, null), ErrorCode.NOT_A_BOT_ANSWER);
    }

    @Test
    void givenResolvedWhenTheCorrectionNamesAMessageOfNoSessionThenNotABotAnswer() {
        expectRefused(resolved(), correctAnswer(MSG_UNKNOWN, null), ErrorCode.NOT_A_BOT_ANSWER);
    }

    @Test
    void givenCorrectedWhenCorrectedAgainThenAnswerAlreadyCorrected() {
        expectRefused(with(resolved(), new BotAnswerCorrected(SESSION, CUSTOMER, MSG_2, AGENT_1.value(), SESSION,
                null, "outdated", at(8))), correctAnswer(MSG_2, null), ErrorCode.ANSWER_ALREADY_CORRECTED);
    }
}

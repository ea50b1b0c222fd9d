package com.interactionledger.command.dialogue;

import com.interactionledger.command.AggregateFixtureSupport;
import com.interactionledger.contracts.common.AccessRole;
import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.contracts.common.ParticipantRole;
import com.interactionledger.contracts.dialogue.AttachmentRef;
import com.interactionledger.contracts.dialogue.Caller;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.contracts.dialogue.MessageRecorded;
import com.interactionledger.contracts.dialogue.RecordMessage;
import com.interactionledger.contracts.dialogue.SessionState;
import com.interactionledger.contracts.dialogue.SurveyResponseRecorded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static com.interactionledger.command.dialogue.SessionScenarios.*;
import static com.interactionledger.contracts.common.ParticipantRole.AGENT;
import static com.interactionledger.contracts.common.ParticipantRole.BOT;
import static com.interactionledger.contracts.common.ParticipantRole.SUPERVISOR;
import static com.interactionledger.contracts.common.ParticipantRole.SYSTEM;

/**
 * The named policies of the session, each with its stable error code; a refused command appends nothing.
 */
class InteractionSessionPolicyTest extends AggregateFixtureSupport<InteractionSession> {

    InteractionSessionPolicyTest() {
        super(SessionScenarios::newFixture, DialogueRuleViolation.class);
    }

    // ---- who may write (AUTHOR_NOT_ALLOWED) ----

    @Test
    void givenBotHandlingWhenAgentWritesThenAuthorNotAllowed() {
        expectRefused(botHandling(), message(MSG_NEW, AGENT, AGENT_1.value()), ErrorCode.AUTHOR_NOT_ALLOWED);
    }

    @Test
    void givenWithAgentWhenAgentOtherThanTheAssignedOneWritesThenAuthorNotAllowed() {
        expectRefused(withAgent(), message(MSG_NEW, AGENT, AGENT_2.value()), ErrorCode.AUTHOR_NOT_ALLOWED);
    }

    @Test
    void givenTransferredToAnotherAgentWhenPreviousAgentWritesThenAuthorNotAllowed() {
        expectRefused(with(withAgent(), transferred(AGENT_1, AGENT_2, null)),
                message(MSG_NEW, AGENT, AGENT_1.value()), ErrorCode.AUTHOR_NOT_ALLOWED);
    }

    @Test
    void givenWithAgentWhenBotWritesThenAuthorNotAllowed() {
        expectRefused(withAgent(), message(MSG_NEW, BOT, BOT_ID), ErrorCode.AUTHOR_NOT_ALLOWED);
    }

    @Test
    void givenOnHoldWhenAssignedAgentWritesThenAuthorNotAllowed() {
        expectRefused(onHold(), message(MSG_NEW, AGENT, AGENT_1.value()), ErrorCode.AUTHOR_NOT_ALLOWED);
    }

    @Test
    void givenBotHandlingWhenCustomerMessageNamesAnotherCustomerThenAuthorNotAllowed() {
        expectRefused(botHandling(), customerMessage(MSG_NEW, OTHER_CUSTOMER.value()),
                ErrorCode.AUTHOR_NOT_ALLOWED);
    }

    // ---- who wrote it is who called: an author is proven by the caller, never claimed ----

    @Test
    void givenBotHandlingWhenAnAgentsTokenWritesAsTheCustomerThenAuthorNotAllowed() {
        expectRefused(botHandling(), message(MSG_NEW, ParticipantRole.CUSTOMER, null, Caller.person("agent-1", AccessRole.AGENT)),
                ErrorCode.AUTHOR_NOT_ALLOWED);
    }

    @Test
    void givenBotHandlingWhenTheBotWritesAsTheCustomerThenAuthorNotAllowed() {
        expectRefused(botHandling(), message(MSG_NEW, ParticipantRole.CUSTOMER, null, CHAT_BOT), ErrorCode.AUTHOR_NOT_ALLOWED);
    }

    @Test
    void givenAWebChatWhenTheGatewayOfAnotherChannelCarriesACustomerMessageThenAuthorNotAllowed() {
        Caller phoneGateway = new Caller("ivr", AccessRole.SYSTEM, Set.of(Channel.PHONE), Set.of());
        expectRefused(botHandling(), message(MSG_NEW, ParticipantRole.CUSTOMER, null, phoneGateway), ErrorCode.AUTHOR_NOT_ALLOWED);
    }

    @Test
    void givenBotHandlingWhenAMachineThatIsNoBotWritesAsBotThenAuthorNotAllowed() {
        expectRefused(botHandling(), message(MSG_NEW, BOT, null, Caller.person("intent-service", AccessRole.SYSTEM)),
                ErrorCode.AUTHOR_NOT_ALLOWED);
    }

    @Test
    void givenBotHandlingWhenTheBotNamesAnotherBotAsAuthorThenAuthorNotAllowed() {
        expectRefused(botHandling(), message(MSG_NEW, BOT, "bot-9", CHAT_BOT), ErrorCode.AUTHOR_NOT_ALLOWED);
    }

    @Test
    void givenWithAgentWhenAnotherAgentsTokenNamesTheAssignedAgentAsAuthorThenAuthorNotAllowed() {
        expectRefused(withAgent(), message(MSG_NEW, AGENT, AGENT_1.value(), Caller.person("agent-2", AccessRole.AGENT)),
                ErrorCode.AUTHOR_NOT_ALLOWED);
    }

    @Test
    void givenWithAgentWhenAMachineWritesAsTheAssignedAgentThenAuthorNotAllowed() {
        expectRefused(withAgent(), message(MSG_NEW, AGENT, AGENT_1.value(), Caller.person("agent-1", AccessRole.SYSTEM)),
                ErrorCode.AUTHOR_NOT_ALLOWED);
    }

    @Test
    void givenWithAgentWhenAnAgentWritesAsSupervisorThenAuthorNotAllowed() {
        expectRefused(withAgent(), message(MSG_NEW, SUPERVISOR, null, Caller.person("agent-1", AccessRole.AGENT)),
                ErrorCode.AUTHOR_NOT_ALLOWED);
    }

    @Test
    void givenBotHandlingWhenAMessageNamesNoCallerThenAuthorNotAllowed() {
        expectRefused(botHandling(), message(MSG_NEW, SYSTEM, SYSTEM_ID, null), ErrorCode.AUTHOR_NOT_ALLOWED);
    }

    @ParameterizedTest(name = "given{2}_when{0}WritesWithoutAuthorId_thenRecordedAsTheCaller{1}")
    @CsvSource({
            "BOT,        bot-7,   BOT_HANDLING",
            "SYSTEM,     ivr,     ON_HOLD",
            "AGENT,      agent-1, WITH_AGENT",
            "SUPERVISOR, sup-1,   WITH_AGENT"})
    void givenRoleAllowedToSpeakWhenItWritesWithoutAuthorIdThenRecordedAsTheCaller(ParticipantRole role,
                                                                                   String caller,
                                                                                   SessionState state) {
        RecordMessage message = message(MSG_NEW, role, caller);
        fixture.given(historyOf(state))
                .when(message(MSG_NEW, role, null, message.caller()))
                .expectEvents(messageRecorded(MSG_NEW, role, caller));
    }

    @Test
    void givenWithAgentWhenASupervisorWhoIsTheAssignedAgentWritesAsAgentThenRecorded() {
        fixture.given(withAgent())
                .when(message(MSG_NEW, AGENT, null, Caller.person(AGENT_1.value(), AccessRole.SUPERVISOR)))
                .expectEvents(messageRecorded(MSG_NEW, AGENT, AGENT_1.value()));
    }

    @ParameterizedTest(name = "given{2}_when{0}WritesAs{1}_thenRecordedWithThatAuthor")
    @CsvSource({
            "BOT,        bot-7,   BOT_HANDLING",
            "BOT,        bot-7,   QUEUED",
            "SYSTEM,     ivr,     BOT_HANDLING",
            "SYSTEM,     ivr,     QUEUED",
            "SYSTEM,     ivr,     WITH_AGENT",
            "SYSTEM,     ivr,     ON_HOLD",
            "AGENT,      agent-1, WITH_AGENT",
            "SUPERVISOR, sup-1,   WITH_AGENT"})
    void givenRoleAllowedToSpeakWhenItWritesWithAuthorIdThenMessageRecordedWithThatAuthor(
            ParticipantRole role, String authorId, SessionState state) {
        fixture.given(historyOf(state))
                .when(message(MSG_NEW, role, authorId))
                .expectEvents(messageRecorded(MSG_NEW, role, authorId));
    }

    @Test
    void givenBotHandlingWhenCustomerWritesWithoutAuthorIdThenRecordedWithTheSessionCustomerId() {
        fixture.given(botHandling())
                .when(customerMessage(MSG_NEW, null))
                .expectEvents(messageRecorded(MSG_NEW, ParticipantRole.CUSTOMER, "cust-1"));
    }

    @Test
    void givenOnHoldWhenCustomerWritesWithOwnIdThenRecorded() {
        fixture.given(onHold())
                .when(customerMessage(MSG_NEW, "cust-1"))
                .expectEvents(messageRecorded(MSG_NEW, ParticipantRole.CUSTOMER, "cust-1"));
    }

    // ---- message ids and content (DUPLICATE_MESSAGE) ----

    @Test
    void givenBotHandlingWhenMessageIdAlreadyRecordedThenDuplicateMessage() {
        expectRefused(botHandling(), customerMessage(MSG_1, null), ErrorCode.DUPLICATE_MESSAGE);
    }

    @Test
    void givenWithAgentWhenAgentReusesTheBotsMessageIdThenDuplicateMessage() {
        expectRefused(withAgent(), message(MSG_2, AGENT, AGENT_1.value()), ErrorCode.DUPLICATE_MESSAGE);
    }

    @Test
    void givenBotHandlingWhenMessageWithAttachmentsWrittenThenAttachmentsRecorded() {
        List<AttachmentRef> attachments = List.of(
                new AttachmentRef("docstore://receipts/42", "image/png", "receipt.png"));
        fixture.given(botHandling())
                .when(new RecordMessage(SESSION, null, MSG_NEW, ParticipantRole.CUSTOMER, null,
                        "Here is the receipt", "en", attachments, NOW, CHAT_GATEWAY))
                .expectEvents(new MessageRecorded(SESSION, CUSTOMER, MSG_NEW, ParticipantRole.CUSTOMER,
                        "cust-1", "Here is the receipt", "en", null, attachments, NOW));
    }

    @Test
    void givenBotHandlingWhenMessageWithoutAttachmentListThenRecordedWithEmptyAttachments() {
        fixture.given(botHandling())
                .when(new RecordMessage(SESSION, null, MSG_NEW, ParticipantRole.CUSTOMER, null, "Hello", null,
                        null, NOW, CHAT_GATEWAY))
                .expectEvents(new MessageRecorded(SESSION, CUSTOMER, MSG_NEW, ParticipantRole.CUSTOMER,
                        "cust-1", "Hello", null, null, List.of(), NOW));
    }

    // ---- intents and sentiments (UNKNOWN_MESSAGE) ----

    static Stream<Arguments> referencesToUnknownMessages() {
        return Stream.of(
                scenario("givenBotHandlingWhenIntentRefersToUnknownMessageThenUnknownMessage",
                        botHandling(), recordIntent(MSG_UNKNOWN)),
                scenario("givenBotHandlingWhenSentimentRefersToUnknownMessageThenUnknownMessage",
                        botHandling(), recordSentiment(MSG_UNKNOWN)),
                scenario("givenClosedWhenIntentRefersToUnknownMessageThenUnknownMessage",
                        closed(), recordIntent(MSG_UNKNOWN)),
                scenario("givenContinuedElsewhereWhenSentimentRefersToUnknownMessageThenUnknownMessage",
                        continuedElsewhere(), recordSentiment(MSG_UNKNOWN)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referencesToUnknownMessages")
    void givenSessionWhenIntentOrSentimentRefersToUnknownMessageThenUnknownMessage(List<Object> history,
                                                                                   Object command) {
        expectRefused(history, command, ErrorCode.UNKNOWN_MESSAGE);
    }

    @Test
    void givenWithAgentWhenIntentRefersToMessageRecordedThereThenIntentRecorded() {
        fixture.given(with(withAgent(), messageRecorded(MSG_NEW, AGENT, AGENT_1.value())))
                .when(recordIntent(MSG_NEW))
                .expectEvents(intentRecorded(MSG_NEW));
    }

    @Test
    void givenWithAgentWhenSentimentRefersToMessageRecordedThereThenSentimentRecorded() {
        fixture.given(with(withAgent(), messageRecorded(MSG_NEW, ParticipantRole.CUSTOMER, "cust-1")))
                .when(recordSentiment(MSG_NEW))
                .expectEvents(sentimentRecorded(MSG_NEW));
    }

    @Test
    void givenAbandonedWhenIntentWithoutMessageThenSessionLevelIntentRecorded() {
        fixture.given(abandoned())
                .when(recordIntent(null))
                .expectEvents(intentRecorded(null));
    }

    @Test
    void givenFreshBotSessionWhenSentimentWithoutMessageThenSessionLevelSentimentRecorded() {
        fixture.given(started(null))
                .when(recordSentiment(null))
                .expectEvents(sentimentRecorded(null));
    }

    // ---- transfers (SAME_AGENT_TRANSFER) ----

    @Test
    void givenWithAgentWhenTransferredToTheAssignedAgentThenSameAgentTransfer() {
        expectRefused(withAgent(), transferToAgent(AGENT_1), ErrorCode.SAME_AGENT_TRANSFER);
    }

    @Test
    void givenOnHoldWhenTransferredToTheAssignedAgentThenSameAgentTransfer() {
        expectRefused(onHold(), transferToAgent(AGENT_1), ErrorCode.SAME_AGENT_TRANSFER);
    }

    @Test
    void givenTransferredToAnotherAgentWhenTransferredToThatAgentAgainThenSameAgentTransfer() {
        expectRefused(with(withAgent(), transferred(AGENT_1, AGENT_2, null)), transferToAgent(AGENT_2),
                ErrorCode.SAME_AGENT_TRANSFER);
    }

    // ---- surveys (SURVEY_ALREADY_RECORDED) ----

    @Test
    void givenClosedWithSurveyResponseWhenSurveyAnsweredAgainThenSurveyAlreadyRecorded() {
        expectRefused(with(closed(), new SurveyResponseRecorded(SESSION, CUSTOMER, 3, null,
                null, at(20))), survey(), ErrorCode.SURVEY_ALREADY_RECORDED);
    }
}

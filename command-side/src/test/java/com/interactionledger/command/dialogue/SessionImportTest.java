package com.interactionledger.command.dialogue;

import com.interactionledger.command.AggregateFixtureSupport;
import com.interactionledger.contracts.common.AccessRole;
import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.contracts.common.ParticipantRole;
import com.interactionledger.contracts.dialogue.AgentAssigned;
import com.interactionledger.contracts.dialogue.AgentId;
import com.interactionledger.contracts.dialogue.AssignAgent;
import com.interactionledger.contracts.dialogue.Caller;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.contracts.dialogue.Continuation;
import com.interactionledger.contracts.dialogue.DialogueCommand;
import com.interactionledger.contracts.dialogue.ImportSession;
import com.interactionledger.contracts.dialogue.MessageId;
import com.interactionledger.contracts.dialogue.MessageRecorded;
import com.interactionledger.contracts.dialogue.RecordMessage;
import com.interactionledger.contracts.dialogue.SessionId;
import com.interactionledger.contracts.dialogue.SessionStarted;
import com.interactionledger.contracts.dialogue.SessionTransferred;
import com.interactionledger.contracts.dialogue.SocialNetwork;
import com.interactionledger.contracts.dialogue.StartSession;
import com.interactionledger.contracts.dialogue.TransferMode;
import com.interactionledger.contracts.dialogue.TransferSession;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static com.interactionledger.command.dialogue.SessionScenarios.CUSTOMER;
import static com.interactionledger.command.dialogue.SessionScenarios.SESSION;
import static com.interactionledger.command.dialogue.SessionScenarios.at;

/**
 * A conversation brought from another system is started and taken through its history by the session's own
 * handlers, each step at its original time; the importer speaks as the customer and as the agent the import
 * assigned, as the source says they spoke — and a history that breaks the session's rules is refused whole.
 */
class SessionImportTest extends AggregateFixtureSupport<InteractionSession> {

    private static final Caller IMPORTER = Caller.importer("importer", Set.of(Channel.SOCIAL));
    private static final AgentId BRAND = new AgentId("AskBank");
    private static final AgentId OTHER_BRAND = new AgentId("AskCards");
    private static final String QUEUE = "AskBank";

    SessionImportTest() {
        super(SessionImportTest::fixture, DialogueRuleViolation.class);
    }

    private static AggregateTestFixture<InteractionSession> fixture() {
        AggregateTestFixture<InteractionSession> fixture = SessionScenarios.newFixture();
        fixture.registerAnnotatedCommandHandler(new SessionImport(fixture.getRepository()));
        return fixture;
    }

    @Test
    void givenNoSessionWhenAThreadIsImportedThenItsCustomerAndAgentMessagesAreRecordedAtTheirOriginalTimes() {
        fixture.givenNoPriorActivity()
                .when(new ImportSession(start(null), List.of(
                        message("tweet-1", ParticipantRole.CUSTOMER, 0, IMPORTER),
                        new AssignAgent(SESSION, null, BRAND, at(3)),
                        message("tweet-2", ParticipantRole.AGENT, 3, IMPORTER),
                        new TransferSession(SESSION, null, OTHER_BRAND, null, TransferMode.COLD, "source", null,
                                at(5)),
                        message("tweet-3", ParticipantRole.AGENT, 6, IMPORTER))))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new SessionStarted(SESSION, CUSTOMER, Channel.SOCIAL, SocialNetwork.X, null, "en", QUEUE,
                                null, null, null, at(0)),
                        recorded("tweet-1", ParticipantRole.CUSTOMER, CUSTOMER.value(), 0),
                        new AgentAssigned(SESSION, CUSTOMER, BRAND, QUEUE, at(3)),
                        recorded("tweet-2", ParticipantRole.AGENT, BRAND.value(), 3),
                        new SessionTransferred(SESSION, CUSTOMER, BRAND, OTHER_BRAND, null, TransferMode.COLD,
                                "source", null, at(5)),
                        recorded("tweet-3", ParticipantRole.AGENT, OTHER_BRAND.value(), 6));
    }

    @Test
    void givenNoSessionWhenAnImportedAgentSpeaksBeforeAnyAgentHoldsTheSessionThenNothingOfItIsRecorded() {
        expectRefused(fixture.givenNoPriorActivity().when(new ImportSession(start(null), List.of(
                message("tweet-1", ParticipantRole.CUSTOMER, 0, IMPORTER),
                message("tweet-2", ParticipantRole.AGENT, 3, IMPORTER)))), ErrorCode.AUTHOR_NOT_ALLOWED);
    }

    @Test
    void givenNoSessionWhenTheImporterNamesAnAgentOtherThanTheOneAssignedThenRefused() {
        RecordMessage claimed = new RecordMessage(SESSION, null, new MessageId("tweet-2"), ParticipantRole.AGENT,
                OTHER_BRAND.value(), "text", "en", List.of(), at(3), IMPORTER);
        expectRefused(fixture.givenNoPriorActivity().when(new ImportSession(start(null), List.of(
                new AssignAgent(SESSION, null, BRAND, at(3)), claimed))), ErrorCode.AUTHOR_NOT_ALLOWED);
    }

    @Test
    void givenNoSessionWhenACallerThatImportsOnAnotherChannelOrAGatewayCarriesTheAgentsWordsThenRefused() {
        Caller chatImporter = Caller.importer("importer", Set.of(Channel.WEB_CHAT));
        expectRefused(fixture.givenNoPriorActivity().when(new ImportSession(start(null), List.of(
                message("tweet-1", ParticipantRole.CUSTOMER, 0, chatImporter)))), ErrorCode.AUTHOR_NOT_ALLOWED);
        Caller gateway = new Caller("social-gateway", AccessRole.SYSTEM, Set.of(Channel.SOCIAL), Set.of());
        expectRefused(fixture.givenNoPriorActivity().when(new ImportSession(start(null), List.of(
                new AssignAgent(SESSION, null, BRAND, at(3)),
                message("tweet-2", ParticipantRole.AGENT, 3, gateway)))), ErrorCode.AUTHOR_NOT_ALLOWED);
    }

    @Test
    void givenNoSessionWhenTheImportedPartsNameAnotherSessionOrAContinuationThenRefused() {
        DialogueCommand elsewhere = new AssignAgent(new SessionId("ses-other"), null, BRAND, at(3));
        expectRefused(fixture.givenNoPriorActivity().when(new ImportSession(start(null), List.of(elsewhere))),
                ErrorCode.VALIDATION_FAILED);
        expectRefused(fixture.givenNoPriorActivity().when(new ImportSession(start(new Continuation(
                new SessionId("ses-0"), "summary")), List.of())), ErrorCode.VALIDATION_FAILED);
    }

    private static StartSession start(Continuation continuation) {
        return new StartSession(SESSION, CUSTOMER, Channel.SOCIAL, SocialNetwork.X, null, "en", QUEUE, continuation,
                at(0));
    }

    private static RecordMessage message(String id, ParticipantRole role, int minute, Caller caller) {
        return new RecordMessage(SESSION, null, new MessageId(id), role, null, "text of " + id, "en", List.of(),
                at(minute), caller);
    }

    private static MessageRecorded recorded(String id, ParticipantRole role, String author, int minute) {
        return new MessageRecorded(SESSION, CUSTOMER, new MessageId(id), role, author, "text of " + id, "en", null,
                List.of(), at(minute));
    }
}

package com.interactionledger.command.dialogue;

import com.interactionledger.command.web.AggregateCommandController;
import com.interactionledger.command.web.CommandContext;
import com.interactionledger.command.web.CommandDispatcher;
import com.interactionledger.command.web.MachineCallers;
import com.interactionledger.contracts.common.AccessRole.Names;
import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.contracts.dialogue.Caller;
import com.interactionledger.contracts.dialogue.CloseSession;
import com.interactionledger.contracts.dialogue.MessageId;
import com.interactionledger.contracts.dialogue.ResumeSession;
import com.interactionledger.contracts.dialogue.SessionId;
import com.interactionledger.ledger.append.CommandOutcome;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.IdGenerator;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dialogue's command API. Each endpoint validates its body, mints a fresh id where the client sent none, and
 * hands the command to the dispatcher, which stamps the time from the injected clock. Answers: 201/200 with the
 * {@link CommandOutcome} and the session version as ETag, or problem+json.
 */
@RestController
@RolesAllowed({Names.AGENT, Names.SUPERVISOR, Names.SYSTEM})
@RequestMapping(path = "/sessions", consumes = MediaType.APPLICATION_JSON_VALUE)
class DialogueController extends AggregateCommandController {

    private final IdGenerator ids;
    private final MachineCallers machines;

    DialogueController(CommandDispatcher dispatcher, IdGenerator ids, MachineCallers machines) {
        super(dispatcher, "session", ErrorCode.SESSION_NOT_FOUND, ErrorCode.SESSION_ALREADY_EXISTS);
        this.ids = ids;
        this.machines = machines;
    }

    @PostMapping
    ResponseEntity<CommandOutcome> start(@Valid @RequestBody DialogueRequests.StartSessionRequest body,
                                         CommandContext context) {
        SessionId generated = new SessionId("ses-" + ids.generateId());
        return dispatcher.create(context, body, now -> body.toCommand(generated, now));
    }

    @PostMapping("/{sessionId}/messages")
    ResponseEntity<CommandOutcome> recordMessage(@PathVariable String sessionId,
                                                 @Valid @RequestBody DialogueRequests.RecordMessageRequest body,
                                                 CommandContext context) {
        MessageId generated = new MessageId("msg-" + ids.generateId());
        Caller caller = machines.caller(context);
        return dispatcher.change(context, body, new SessionId(sessionId),
                (session, version, now) -> body.toCommand(session, version, generated, now, caller));
    }

    /** An agent (or their tooling) marks a bot's answer of this session as contradicted or replaced. */
    @PostMapping("/{sessionId}/answers/{messageId}/correction")
    ResponseEntity<CommandOutcome> correctAnswer(@PathVariable String sessionId, @PathVariable String messageId,
                                                 @Valid @RequestBody DialogueRequests.CorrectionRequest body,
                                                 CommandContext context) {
        MessageId answer = new MessageId(messageId);
        Caller caller = machines.caller(context);
        return dispatcher.change(context, body, new SessionId(sessionId),
                (session, version, now) -> body.toCommand(session, answer, version, now, caller));
    }

    @PostMapping("/{sessionId}/intents")
    ResponseEntity<CommandOutcome> recordIntent(@PathVariable String sessionId,
                                                @Valid @RequestBody DialogueRequests.RecordIntentRequest body,
                                                CommandContext context) {
        return dispatcher.change(context, body, new SessionId(sessionId), body::toCommand);
    }

    /** What the conversation is about, by an agent, the session's bot or a classifier (the caller says which). */
    @PostMapping("/{sessionId}/product")
    ResponseEntity<CommandOutcome> identifyProduct(@PathVariable String sessionId,
                                                   @Valid @RequestBody DialogueRequests.ProductRequest body,
                                                   CommandContext context) {
        Caller caller = machines.caller(context);
        return dispatcher.change(context, body, new SessionId(sessionId),
                (session, version, now) -> body.toCommand(session, version, now, caller));
    }

    @PostMapping("/{sessionId}/sentiments")
    ResponseEntity<CommandOutcome> recordSentiment(@PathVariable String sessionId,
                                                   @Valid @RequestBody DialogueRequests.RecordSentimentRequest body,
                                                   CommandContext context) {
        return dispatcher.change(context, body, new SessionId(sessionId), body::toCommand);
    }

    @PostMapping("/{sessionId}/handoff")
    ResponseEntity<CommandOutcome> requestHandoff(@PathVariable String sessionId,
                                                  @Valid @RequestBody DialogueRequests.RequestHandoffRequest body,
                                                  CommandContext context) {
        return dispatcher.change(context, body, new SessionId(sessionId), body::toCommand);
    }

    @PostMapping("/{sessionId}/assignment")
    ResponseEntity<CommandOutcome> assignAgent(@PathVariable String sessionId,
                                               @Valid @RequestBody DialogueRequests.AssignAgentRequest body,
                                               CommandContext context) {
        return dispatcher.change(context, body, new SessionId(sessionId), body::toCommand);
    }

    @PostMapping("/{sessionId}/transfers")
    ResponseEntity<CommandOutcome> transfer(@PathVariable String sessionId,
                                            @Valid @RequestBody DialogueRequests.TransferRequest body,
                                            CommandContext context) {
        return dispatcher.change(context, body, new SessionId(sessionId), body::toCommand);
    }

    @PostMapping("/{sessionId}/hold")
    ResponseEntity<CommandOutcome> hold(@PathVariable String sessionId,
                                        @Valid @RequestBody DialogueRequests.HoldRequest body,
                                        CommandContext context) {
        return dispatcher.change(context, body, new SessionId(sessionId), body::toCommand);
    }

    @PostMapping(path = "/{sessionId}/resume", consumes = MediaType.ALL_VALUE)
    ResponseEntity<CommandOutcome> resume(@PathVariable String sessionId, CommandContext context) {
        return dispatcher.change(context, null, new SessionId(sessionId), ResumeSession::new);
    }

    @PostMapping("/{sessionId}/resolution")
    ResponseEntity<CommandOutcome> resolve(@PathVariable String sessionId,
                                           @Valid @RequestBody DialogueRequests.ResolveRequest body,
                                           CommandContext context) {
        return dispatcher.change(context, body, new SessionId(sessionId), body::toCommand);
    }

    @PostMapping("/{sessionId}/abandonment")
    ResponseEntity<CommandOutcome> abandon(@PathVariable String sessionId,
                                           @Valid @RequestBody DialogueRequests.AbandonRequest body,
                                           CommandContext context) {
        return dispatcher.change(context, body, new SessionId(sessionId), body::toCommand);
    }

    @PostMapping(path = "/{sessionId}/closure", consumes = MediaType.ALL_VALUE)
    ResponseEntity<CommandOutcome> close(@PathVariable String sessionId, CommandContext context) {
        return dispatcher.change(context, null, new SessionId(sessionId), CloseSession::new);
    }

    @PostMapping("/{sessionId}/survey")
    ResponseEntity<CommandOutcome> survey(@PathVariable String sessionId,
                                          @Valid @RequestBody DialogueRequests.SurveyRequest body,
                                          CommandContext context) {
        return dispatcher.change(context, body, new SessionId(sessionId), body::toCommand);
    }
}

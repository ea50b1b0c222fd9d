package com.interactionledger.command.complaint;

import com.interactionledger.command.web.AggregateCommandController;
import com.interactionledger.command.web.CommandContext;
import com.interactionledger.command.web.CommandDispatcher;
import com.interactionledger.contracts.common.AccessRole.Names;
import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.contracts.complaint.AcceptResolution;
import com.interactionledger.contracts.complaint.AcknowledgeComplaint;
import com.interactionledger.contracts.complaint.ApproveDeadlineExtension;
import com.interactionledger.contracts.complaint.ComplaintId;
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
 * The complaint lifecycle's command API; the same conventions as the dialogue's (actor headers, Idempotency-Key,
 * If-Match, problem+json). The clock watcher's commands (approaching, breached) are not exposed: only the ledger
 * itself decides that a deadline passed.
 */
@RestController
@RolesAllowed({Names.AGENT, Names.SUPERVISOR, Names.SYSTEM})
@RequestMapping(path = "/complaints", consumes = MediaType.APPLICATION_JSON_VALUE)
class ComplaintController extends AggregateCommandController {

    private final IdGenerator ids;

    ComplaintController(CommandDispatcher dispatcher, IdGenerator ids) {
        super(dispatcher, "complaint", ErrorCode.COMPLAINT_NOT_FOUND, ErrorCode.COMPLAINT_ALREADY_EXISTS);
        this.ids = ids;
    }

    @PostMapping
    ResponseEntity<CommandOutcome> lodge(@Valid @RequestBody ComplaintRequests.LodgeRequest body,
                                         CommandContext context) {
        ComplaintId generated = new ComplaintId("cmp-" + ids.generateId());
        return dispatcher.create(context, body, now -> body.toCommand(generated, now));
    }

    @PostMapping(path = "/{complaintId}/acknowledgement", consumes = MediaType.ALL_VALUE)
    ResponseEntity<CommandOutcome> acknowledge(@PathVariable String complaintId, CommandContext context) {
        return dispatcher.change(context, null, new ComplaintId(complaintId), AcknowledgeComplaint::new);
    }

    @PostMapping("/{complaintId}/assignment")
    ResponseEntity<CommandOutcome> assign(@PathVariable String complaintId,
                                          @Valid @RequestBody ComplaintRequests.AssignRequest body,
                                          CommandContext context) {
        return dispatcher.change(context, body, new ComplaintId(complaintId), body::toCommand);
    }

    @PostMapping("/{complaintId}/information-requests")
    ResponseEntity<CommandOutcome> requestInformation(@PathVariable String complaintId,
                                                      @Valid @RequestBody ComplaintRequests.InformationRequest body,
                                                      CommandContext context) {
        return dispatcher.change(context, body, new ComplaintId(complaintId), body::toCommand);
    }

    @PostMapping("/{complaintId}/information")
    ResponseEntity<CommandOutcome> receiveInformation(@PathVariable String complaintId,
                                                      @Valid @RequestBody ComplaintRequests.InformationReceipt body,
                                                      CommandContext context) {
        return dispatcher.change(context, body, new ComplaintId(complaintId), body::toCommand);
    }

    @PostMapping("/{complaintId}/extensions")
    ResponseEntity<CommandOutcome> extend(@PathVariable String complaintId,
                                          @Valid @RequestBody ComplaintRequests.ExtensionRequest body,
                                          CommandContext context) {
        return dispatcher.change(context, body, new ComplaintId(complaintId),
                (id, version, now) -> body.toCommand(id, version, now, context.actorId()));
    }

    /** A supervisor grants the extension that awaits approval; the approver is the caller, never the requester. */
    @RolesAllowed(Names.SUPERVISOR)
    @PostMapping(path = "/{complaintId}/extensions/approval", consumes = MediaType.ALL_VALUE)
    ResponseEntity<CommandOutcome> approveExtension(@PathVariable String complaintId, CommandContext context) {
        return dispatcher.change(context, null, new ComplaintId(complaintId),
                (id, version, now) -> new ApproveDeadlineExtension(id, version, context.actorId(), now));
    }

    @PostMapping("/{complaintId}/holding-responses")
    ResponseEntity<CommandOutcome> holdingResponse(@PathVariable String complaintId,
                                                   @Valid @RequestBody ComplaintRequests.HoldingResponseRequest body,
                                                   CommandContext context) {
        return dispatcher.change(context, body, new ComplaintId(complaintId), body::toCommand);
    }

    @PostMapping("/{complaintId}/resolution-proposals")
    ResponseEntity<CommandOutcome> propose(@PathVariable String complaintId,
                                           @Valid @RequestBody ComplaintRequests.ProposalRequest body,
                                           CommandContext context) {
        return dispatcher.change(context, body, new ComplaintId(complaintId), body::toCommand);
    }

    @PostMapping("/{complaintId}/resolution")
    ResponseEntity<CommandOutcome> resolve(@PathVariable String complaintId,
                                           @Valid @RequestBody ComplaintRequests.ResolutionRequest body,
                                           CommandContext context) {
        return dispatcher.change(context, body, new ComplaintId(complaintId), body::toCommand);
    }

    @PostMapping(path = "/{complaintId}/acceptance", consumes = MediaType.ALL_VALUE)
    ResponseEntity<CommandOutcome> accept(@PathVariable String complaintId, CommandContext context) {
        return dispatcher.change(context, null, new ComplaintId(complaintId), AcceptResolution::new);
    }

    @PostMapping("/{complaintId}/dispute")
    ResponseEntity<CommandOutcome> dispute(@PathVariable String complaintId,
                                           @Valid @RequestBody ComplaintRequests.DisputeRequest body,
                                           CommandContext context) {
        return dispatcher.change(context, body, new ComplaintId(complaintId), body::toCommand);
    }

    @PostMapping("/{complaintId}/referrals")
    ResponseEntity<CommandOutcome> refer(@PathVariable String complaintId,
                                         @Valid @RequestBody ComplaintRequests.ReferralRequest body,
                                         CommandContext context) {
        return dispatcher.change(context, body, new ComplaintId(complaintId), body::toCommand);
    }

    @PostMapping("/{complaintId}/reopening")
    ResponseEntity<CommandOutcome> reopen(@PathVariable String complaintId,
                                          @Valid @RequestBody ComplaintRequests.ReopenRequest body,
                                          CommandContext context) {
        return dispatcher.change(context, body, new ComplaintId(complaintId), body::toCommand);
    }
}

package com.interactionledger.command.privacy;

import com.interactionledger.ledger.append.CommandOutcome;
import com.interactionledger.command.web.CommandContext;
import com.interactionledger.command.web.CommandDispatcher;
import com.interactionledger.contracts.common.AccessRole.Names;
import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.common.Identifiers;
import com.interactionledger.contracts.privacy.ApproveErasure;
import com.interactionledger.contracts.privacy.EraseCustomer;
import com.interactionledger.contracts.privacy.LiftRestriction;
import com.interactionledger.contracts.privacy.PlaceLegalHold;
import com.interactionledger.contracts.privacy.PrivacyCommand;
import com.interactionledger.contracts.privacy.ReleaseLegalHold;
import com.interactionledger.contracts.privacy.RestrictCustomer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/**
 * Administrators' decisions about a customer's personal data: erasure (crypto-shredding), restriction, legal holds.
 * Each is an event on the customer's privacy record, with the administrator as its actor; the same conventions as
 * every other command (Idempotency-Key, problem+json).
 */
@RestController
@RolesAllowed(Names.ADMIN)
@RequestMapping(path = "/privacy/customers/{customerId}", consumes = MediaType.APPLICATION_JSON_VALUE)
class PrivacyController {

    /** Why, in legal terms: an article or a case reference, never personal details (it is stored in clear). */
    record Decision(@NotBlank @Size(max = 200) String legalBasis) {
    }

    record Hold(@NotBlank @Size(max = 100) @Pattern(regexp = Identifiers.PATTERN) String reference) {
    }

    private final CommandDispatcher dispatcher;

    PrivacyController(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @PostMapping("/erasure")
    ResponseEntity<CommandOutcome> erase(@PathVariable String customerId, @Valid @RequestBody Decision body,
                                         CommandContext context) {
        return decide(context, body, customerId, body.legalBasis(), EraseCustomer::new);
    }

    /** A second administrator, never the one who asked, approves the erasure: the customer's key is destroyed. */
    @PostMapping(path = "/erasure/approval", consumes = MediaType.ALL_VALUE)
    ResponseEntity<CommandOutcome> approveErasure(@PathVariable String customerId, CommandContext context) {
        return dispatcher.send(context, null,
                now -> new ApproveErasure(new CustomerId(customerId), context.actorId(), now));
    }

    @PostMapping("/restriction")
    ResponseEntity<CommandOutcome> restrict(@PathVariable String customerId, @Valid @RequestBody Decision body,
                                            CommandContext context) {
        return decide(context, body, customerId, body.legalBasis(), RestrictCustomer::new);
    }

    @PostMapping("/restriction/lifting")
    ResponseEntity<CommandOutcome> lift(@PathVariable String customerId, @Valid @RequestBody Decision body,
                                        CommandContext context) {
        return decide(context, body, customerId, body.legalBasis(), LiftRestriction::new);
    }

    @PostMapping("/legal-holds")
    ResponseEntity<CommandOutcome> hold(@PathVariable String customerId, @Valid @RequestBody Hold body,
                                        CommandContext context) {
        return decide(context, body, customerId, body.reference(), PlaceLegalHold::new);
    }

    @PostMapping(path = "/legal-holds/{reference}/release", consumes = MediaType.ALL_VALUE)
    ResponseEntity<CommandOutcome> release(@PathVariable String customerId, @PathVariable String reference,
                                           CommandContext context) {
        return decide(context, reference, customerId, reference, ReleaseLegalHold::new);
    }

    /** The administrator who decides is the caller, never someone the request names. */
    private ResponseEntity<CommandOutcome> decide(CommandContext context, Object request, String customerId,
                                                  String grounds, PrivacyDecision decision) {
        return dispatcher.send(context, request,
                now -> decision.toCommand(new CustomerId(customerId), grounds, context.actorId(), now));
    }

    /** Every privacy command: the customer, its legal basis or hold reference, who decided, when. */
    @FunctionalInterface
    private interface PrivacyDecision {
        PrivacyCommand toCommand(CustomerId customer, String grounds, String decidedBy, Instant now);
    }
}

package com.interactionledger.command.audit;

import com.interactionledger.command.idempotency.IdempotencyKeyInFlightException;
import com.interactionledger.contracts.audit.CommandRefused;
import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.contracts.common.LedgerCommand;
import com.interactionledger.contracts.common.LedgerMetadata;
import com.interactionledger.contracts.complaint.ImportComplaint;
import com.interactionledger.contracts.complaint.LodgeComplaint;
import com.interactionledger.contracts.dialogue.ImportSession;
import com.interactionledger.contracts.dialogue.StartSession;
import com.interactionledger.ledger.append.CommandReceipt;
import com.interactionledger.ledger.append.RuleViolation;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.IdGenerator;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records every refused command in the ledger as a {@link CommandRefused} event, appended on its own once the
 * command's unit of work has rolled back. The refusal carries the command's actor, channel and flow, exactly
 * as the events of an accepted command would. A failure to record is logged, never allowed to hide the refusal.
 */
public class CommandRefusals {

    private static final Logger log = LoggerFactory.getLogger(CommandRefusals.class);
    static final int MAX_DETAIL = 1000;
    private static final List<String> CARRIED = List.of(LedgerMetadata.ACTOR_ID, LedgerMetadata.ACTOR_ROLE,
            LedgerMetadata.CHANNEL, LedgerMetadata.CORRELATION_ID, LedgerMetadata.IDEMPOTENCY_KEY,
            LedgerMetadata.IMPORT_RUN, LedgerMetadata.SOURCE_FILE, LedgerMetadata.SOURCE_SHA256,
            LedgerMetadata.SOURCE_RECORD, LedgerMetadata.SOURCE_LINE);

    private final EventStorageEngine ledger;
    private final Clock clock;
    private final IdGenerator ids;

    public CommandRefusals(EventStorageEngine ledger, Clock clock, IdGenerator ids) {
        this.ledger = ledger;
        this.clock = clock;
        this.ids = ids;
    }

    public void record(CommandMessage<?> command, Throwable cause) {
        if (cause == null || cause instanceof IdempotencyKeyInFlightException) {
            // Not a refusal: a concurrent retry of the same request, answered with the first outcome.
            return;
        }
        Object payload = command.getPayload();
        ErrorCode code = RefusalCodes.of(cause, payload);
        // What the API answered: the rule's own words, otherwise the code's title (never a raw exception message).
        String detail = cause instanceof RuleViolation ? cause.getMessage() : code.title();
        if (detail != null && detail.length() > MAX_DETAIL) {
            detail = detail.substring(0, MAX_DETAIL - 1) + "…";
        }
        String commandType = payload.getClass().getSimpleName();
        CommandRefused refused = new CommandRefused(customerOf(payload), command.getIdentifier(), commandType,
                payload instanceof LedgerCommand target ? target.targetId() : null, code, detail, clock.instant());
        Map<String, Object> metaData = new HashMap<>();
        CARRIED.forEach(key -> {
            Object value = command.getMetaData().get(key);
            if (value != null) {
                metaData.put(key, value);
            }
        });
        metaData.put(LedgerMetadata.CAUSATION_ID, command.getIdentifier());
        metaData.put(LedgerMetadata.COMMAND_TYPE, commandType);
        // An imported record's refusal has a stream of its own record and file (LedgerMetadata.importRefusalStream):
        // importing the file again finds it and sends nothing, and a race that sends it twice is stopped by the
        // store's unique key instead of appending a second refusal.
        Object sha256 = command.getMetaData().get(LedgerMetadata.SOURCE_SHA256);
        String stream = sha256 != null && refused.targetId() != null
                ? LedgerMetadata.importRefusalStream(sha256.toString(), refused.targetId())
                : "refusal-" + ids.generateId();
        // The refused command's receipt (its Idempotency-Key) must not follow the refusal into the store: it would
        // be recorded as the command's outcome, and that outcome names no event of the command's target.
        CurrentUnitOfWork.ifStarted(CommandReceipt::discardFrom);
        try {
            ledger.appendEvents(List.of(new GenericDomainEventMessage<>(
                    "CommandRefusal", stream, 0, refused, MetaData.from(metaData))));
        } catch (RuntimeException e) {
            log.error("Could not record the refusal ({}) of command {} {}", code, commandType, command.getIdentifier(), e);
        }
    }

    private static CustomerId customerOf(Object command) {
        if (command instanceof StartSession start) {
            return start.customerId();
        } else if (command instanceof LodgeComplaint lodge) {
            return lodge.customerId();
        } else if (command instanceof ImportSession imported) {
            return imported.start().customerId();
        } else if (command instanceof ImportComplaint imported) {
            return imported.lodge().customerId();
        }
        return null;
    }
}

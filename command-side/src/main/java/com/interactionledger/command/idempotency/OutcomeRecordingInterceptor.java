package com.interactionledger.command.idempotency;

import com.interactionledger.command.audit.CommandRefusals;
import com.interactionledger.ledger.append.AppendedEvents;
import com.interactionledger.ledger.append.CommandOutcome;
import com.interactionledger.ledger.append.CommandReceipt;
import com.interactionledger.ledger.append.StreamConflictException;
import com.interactionledger.contracts.common.LedgerMetadata;
import com.interactionledger.contracts.common.LedgerCommand;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * Runs around every command handler. Before the handler runs it attaches the command's receipt (its actor,
 * Idempotency-Key and request hash) to the unit of work, which the append path stores with the events; once the
 * events are stored (prepare-commit, after the event store's own handler) it computes the outcome from what was
 * actually stored; if the command is refused instead, it has the refusal recorded. The command's result is a future
 * of that outcome, complete by the time the command's events are committed.
 */
public class OutcomeRecordingInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final IdempotencyStore idempotency;
    private final CommandRefusals refusals;
    private final Clock clock;

    public OutcomeRecordingInterceptor(IdempotencyStore idempotency, CommandRefusals refusals, Clock clock) {
        this.idempotency = idempotency;
        this.refusals = refusals;
        this.clock = clock;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        if (!(command.getPayload() instanceof LedgerCommand ledgerCommand)) {
            throw new IllegalStateException("no outcome for " + command.getCommandName()
                    + ": commands must name what they change (LedgerCommand)");
        }
        String key = (String) command.getMetaData().get(LedgerMetadata.IDEMPOTENCY_KEY);
        String actorId = (String) command.getMetaData().get(LedgerMetadata.ACTOR_ID);
        // Whether the handler refuses it or its events cannot be stored, the refusal goes on the record: at
        // cleanup, once the command's unit of work has rolled back. Not a refusal: a conflict the dispatcher will
        // retry on fresh state (only the last attempt's is recorded), nor the failure of a retry whose twin (same
        // Idempotency-Key, sent again while the first was under way) was stored meanwhile: that one is answered
        // with the twin's outcome.
        unitOfWork.onCleanup(uow -> {
            if (uow.isRolledBack()) {
                Throwable cause = uow.getExecutionResult() == null ? null
                        : uow.getExecutionResult().getExceptionResult();
                boolean retried = cause instanceof StreamConflictException && retriesLeft(command) > 0;
                if (!retried && !(key != null && idempotency.find(actorId, key).isPresent())) {
                    refusals.record(command, cause);
                }
            }
        });
        if (key != null) {
            new CommandReceipt(actorId, key, (String) command.getMetaData().get(LedgerMetadata.REQUEST_HASH),
                    command.getCommandName(), clock.instant(), ledgerCommand.targetId()).attachTo(unitOfWork);
        }
        chain.proceed();
        CompletableFuture<CommandOutcome> outcome = new CompletableFuture<>();
        // Registered after the handler ran, so it runs after the event bus has appended the events.
        unitOfWork.onPrepareCommit(uow -> outcome.complete(
                CommandOutcome.of(ledgerCommand.targetId(), AppendedEvents.in(uow))));
        return outcome;
    }

    private static int retriesLeft(CommandMessage<?> command) {
        return command.getMetaData().get(StreamConflictException.RETRIES_LEFT) instanceof Number left
                ? left.intValue() : 0;
    }
}

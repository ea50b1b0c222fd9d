package com.interactionledger.command.idempotency;

import com.interactionledger.command.audit.CommandRefusals;
import com.interactionledger.command.ledger.AppendedEvents;
import com.interactionledger.command.ledger.CommandOutcome;
import com.interactionledger.contracts.common.LedgerMetadata;
import com.interactionledger.contracts.common.LedgerCommand;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * Runs around every command handler, inside the command's transaction. It claims the Idempotency-Key before the
 * handler runs and, once the events are appended (prepare-commit, after the event store's own handler), computes
 * the outcome from what was actually stored and records it under the key; if the command is refused instead, it
 * has the refusal recorded. The command's result is a future of
 * that outcome, complete by the time the command has committed.
 */
public class OutcomeRecordingInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final IdempotencyStore store;
    private final CommandRefusals refusals;
    private final Clock clock;

    public OutcomeRecordingInterceptor(IdempotencyStore store, CommandRefusals refusals, Clock clock) {
        this.store = store;
        this.refusals = refusals;
        this.clock = clock;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        // Whether the handler refuses it or its events cannot be stored, the refusal goes on the record: at
        // cleanup, once the command's transaction has rolled back and released the chain's head lock, which the
        // refusal's own transaction needs (recorded during the rollback, it would wait on it for ever).
        unitOfWork.onCleanup(uow -> {
            if (uow.isRolledBack()) {
                refusals.record(command, uow.getExecutionResult() == null ? null
                        : uow.getExecutionResult().getExceptionResult());
            }
        });
        String key = (String) command.getMetaData().get(LedgerMetadata.IDEMPOTENCY_KEY);
        if (key != null) {
            store.claim(key, (String) command.getMetaData().get(LedgerMetadata.REQUEST_HASH),
                    command.getCommandName(), clock.instant());
        }
        chain.proceed();
        CompletableFuture<CommandOutcome> outcome = new CompletableFuture<>();
        // Registered after the handler ran, so it runs after the event bus has appended the events.
        unitOfWork.onPrepareCommit(uow -> {
            if (!(command.getPayload() instanceof LedgerCommand ledgerCommand)) {
                throw new IllegalStateException("no outcome for " + command.getCommandName()
                        + ": commands must name what they change (LedgerCommand)");
            }
            CommandOutcome appended = CommandOutcome.of(ledgerCommand.targetId(), AppendedEvents.in(uow));
            if (key != null) {
                store.complete(key, appended);
            }
            outcome.complete(appended);
        });
        return outcome;
    }
}

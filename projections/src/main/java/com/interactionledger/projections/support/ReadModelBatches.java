package com.interactionledger.projections.support;

import com.interactionledger.ledger.stored.Databases;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Read models apply a processor's batch of events together, and still park a failing event alone.
 * <p>
 * <b>Together:</b> a read model's handlers keep what they change in the batch's {@link ReadModelBatch} (rows read once
 * for the whole batch, changed in memory, statements collected) and the batch writes it when it commits: one
 * statement per table per batch, in the processor's transaction, with its token.
 * <p>
 * <b>Alone:</b> nothing guards each event in the common case. When a handler fails, or the batch's writes fail
 * (a value too long for its column, say), the batch is rolled back (its transaction marked rollback-only, so nothing
 * of it commits — not a dead letter written after a failed statement, nor half of a handler's writes) and its
 * events are noted; the processor then applies the batch again, and this time each noted event is applied and
 * written on its own inside a savepoint: if it fails again, only its own writes are undone, it is dead-lettered,
 * and the rest of the batch commits. (On PostgreSQL a failed statement aborts the whole transaction, which is why a
 * dead letter needs a savepoint at all.)
 * <p>
 * It wraps the handler itself, inside the dead-lettering, which is why it is a handler enhancer and not a processor
 * interceptor.
 */
public class ReadModelBatches implements HandlerEnhancerDefinition {

    private static final Logger log = LoggerFactory.getLogger(ReadModelBatches.class);
    private static final String RESOURCE = ReadModelBatch.class.getName();

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private volatile Boolean postgres;
    private final TransactionTemplate savepoint;
    /** Read model and event id of the events to apply on their own, in a savepoint, when they come again. */
    private final Set<String> aloneNextTime = ConcurrentHashMap.newKeySet();

    public ReadModelBatches(JdbcTemplate jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * The batch the event being handled belongs to: one per unit of work (a processor's batch of events; or a
     * single event applied on its own, as a customer's rebuild does), written when that unit of work commits.
     */
    public ReadModelBatch current() {
        if (!CurrentUnitOfWork.isStarted()) {
            throw new IllegalStateException("read models apply events in a unit of work");
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(RESOURCE, key -> {
            boolean processorBatch = root instanceof BatchingUnitOfWork<?>;
            List<? extends Message<?>> messages = processorBatch ? ((BatchingUnitOfWork<?>) root).getMessages()
                    : List.of(root.getMessage());
            ReadModelBatch batch = new ReadModelBatch(jdbc, isPostgres(), messages);
            root.onPrepareCommit(u -> flushOrRetryAlone(batch, messages, processorBatch));
            return batch;
        });
    }

    /**
     * Writes what the current batch holds and forgets it: a handler is about to change the tables directly (an
     * erasure's replay of a customer), and the rows the batch kept would be stale.
     */
    public void writeCurrentNow() {
        ReadModelBatch batch = current();
        batch.flush();
        batch.discard();
    }

    private boolean isPostgres() {
        if (postgres == null) {
            postgres = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) Databases::isPostgres));
        }
        return postgres;
    }

    /** A processor applies a batch whose writes failed again: then each of its events on its own. */
    private void flushOrRetryAlone(ReadModelBatch batch, List<? extends Message<?>> messages, boolean processorBatch) {
        try {
            batch.flush();
        } catch (RuntimeException e) {
            if (processorBatch && batch.readModel() != null) {
                messages.forEach(message -> aloneNextTime.add(key(batch.readModel(), message)));
                log.info("The writes of a batch of {} events of read model {} failed ({}); it is rolled back and"
                        + " applied again, each event on its own", messages.size(), batch.readModel(), e.toString());
            }
            throw e;
        }
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class)
                || !original.declaringClass().isAnnotationPresent(ProcessingGroup.class)) {
            return original;
        }
        String readModel = original.declaringClass().getAnnotation(ProcessingGroup.class).value();
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                if (CurrentUnitOfWork.isStarted()) {
                    current().belongsTo(readModel);
                }
                if (aloneNextTime.remove(key(readModel, message))) {
                    return alone(original, message, target);
                }
                try {
                    return original.handle(message, target);
                } catch (Exception e) {
                    ConnectionHolder transaction =
                            (ConnectionHolder) TransactionSynchronizationManager.getResource(dataSource);
                    if (transaction != null) {
                        aloneNextTime.add(key(readModel, message));
                        transaction.setRollbackOnly();
                        log.info("Event {} failed in read model {} ({}); its batch is rolled back and applied again,"
                                + " that event on its own", message.getIdentifier(), readModel, e.toString());
                    }
                    throw e;
                }
            }
        };
    }

    /**
     * Applies and writes one event inside a savepoint, after writing what the batch holds so far; a failure undoes
     * this event's writes alone and forgets what the batch held in memory (the database is what holds now).
     */
    private <T> Object alone(MessageHandlingMember<T> original, Message<?> message, T target) throws Exception {
        ReadModelBatch batch = CurrentUnitOfWork.isStarted() ? current() : null;
        if (batch != null) {
            batch.flush();
        }
        try {
            return savepoint.execute(status -> {
                try {
                    Object result = original.handle(message, target);
                    if (batch != null) {
                        batch.flush();
                    }
                    return result;
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new HandlerFailure(e);
                }
            });
        } catch (HandlerFailure failure) {
            forget(batch);
            throw (Exception) failure.getCause();
        } catch (RuntimeException e) {
            forget(batch);
            throw e;
        }
    }

    private static void forget(ReadModelBatch batch) {
        if (batch != null) {
            batch.discard();
        }
    }

    private static String key(String readModel, Message<?> message) {
        return readModel + '/' + message.getIdentifier();
    }

    /** Carries a checked exception out of the transaction callback, which only lets runtime exceptions through. */
    private static final class HandlerFailure extends RuntimeException {
        HandlerFailure(Exception cause) {
            super(cause);
        }
    }
}

package com.interactionledger.ledger.append;

import com.interactionledger.ledger.stored.LedgerHash;
import com.interactionledger.ledger.stored.RecordedTime;
import com.interactionledger.ledger.stored.StoredEvent;
import com.interactionledger.contracts.privacy.CustomerErased;
import com.interactionledger.contracts.privacy.CustomerErasedException;
import com.interactionledger.contracts.privacy.CustomerRestricted;
import com.interactionledger.contracts.privacy.CustomerRestrictionLifted;
import com.interactionledger.ledger.sealing.CustomerKeys;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Group commit: the appends that arrive while one batch is being stored are stored together in the next, in one
 * transaction under one take of the chain's head lock — the events, their links and customer index rows and the
 * move of the head written together ({@link BatchWrites}: two round trips on PostgreSQL), then the destruction of
 * erased customers' keys and the restrictions decided or lifted ({@link CustomerRestrictions}), then the
 * {@link AppendHook}s' work — instead of one transaction and one lock per append. Batches form by themselves under
 * load and add no delay when idle: a lone append is stored at once.
 * <p>
 * A writer thread stores the batches (one by default; with more, while one holds the head lock the next takes what
 * has queued and waits for the lock — on two cores that measured no better, docs/PERFORMANCE.md). The threads that
 * append wait for the commit that holds their events and get back the positions actually stored (no answer is
 * given before that commit). Everything that can be done before the lock is done by the appending threads
 * (serialising, sealing, looking up where each stream's links continue: {@link LedgerAppendPath}); under the lock
 * remain the batch's recorded time (never before the head's: {@link RecordedTime}), the positions, the digests and
 * links, and the statements.
 * <p>
 * The writers have connections of their own ({@code appendConnections}: a small pool nothing else uses), so
 * neither the read models' processors nor the requests can leave them waiting for a connection.
 * <p>
 * Positions are handed out here, under the lock, one after the other from the head: the ledger's global order has
 * no gaps, even when a batch fails. An append refused under the lock (its customer was erased) fails alone and the
 * rest commit. When a batch fails as a whole (a unique key: another writer stored the same stream position first,
 * an Idempotency-Key already used; or an error of a hook), it is rolled back and its appends are stored one by one,
 * so that only the one at fault fails.
 */
public class GroupCommit implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    /** One append waiting for its batch. */
    private record Append(List<PreparedEvent> events, CommandReceipt receipt,
                          CompletableFuture<List<AppendedEvent>> done) {
    }

    /** What became of one append in a batch that committed: stored (these events, at these positions), or refused. */
    private record Outcome(Append append, List<Linked> linked, List<AppendedEvent> stored, RuntimeException refusal) {
    }

    /** A restriction decided or lifted in a batch: recorded in the batch's transaction, in the ledger's order. */
    private record RestrictionChange(String customerId, boolean restricted, long position) {
    }

    /** A unique key of the event table refused the batch's insert. */
    private static final class StoreConflict extends RuntimeException {
        StoreConflict(DataAccessException cause) {
            super(cause);
        }
    }

    private final BlockingQueue<Append> queue = new LinkedBlockingQueue<>();
    private final DataSource connections;
    private final AutoCloseable closeConnections;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;
    private final BatchWrites writes;
    private final Clock clock;
    private final CustomerKeys keys;
    private final StreamHeads streams;
    private final List<AppendHook> hooks;
    private final int maxBatchEvents;
    private final List<Thread> writers = new ArrayList<>();
    private final Object admission = new Object();
    private final Object taking = new Object();
    private boolean closed;
    private final AtomicLong admitted = new AtomicLong();
    private final AtomicLong committedBatches = new AtomicLong();
    private final DistributionSummary batchAppends;
    private final DistributionSummary batchEvents;
    private final Timer batchTime;
    private final Timer lockTime;
    private final Timer writeTime;
    private final Timer appendTime;

    /**
     * @param appendConnections the writer's own connections to the ledger's database
     * @param closeConnections  closes them when the writer stops (or does nothing when they are shared)
     */
    GroupCommit(DataSource appendConnections, AutoCloseable closeConnections, CustomerKeys keys, StreamHeads streams,
                List<AppendHook> hooks, int maxBatchEvents, int writerCount, MeterRegistry meters, Clock clock) {
        this.batchAppends = DistributionSummary.builder("ledger.append.batch.appends")
                .description("Appends stored together in one batch").register(meters);
        this.batchEvents = DistributionSummary.builder("ledger.append.batch.events")
                .description("Events stored together in one batch").register(meters);
        this.batchTime = Timer.builder("ledger.append.batch.time")
                .description("One batch's transaction, from taking the head lock to its commit").register(meters);
        this.lockTime = Timer.builder("ledger.append.batch.lock")
                .description("Taking the chain's head lock for a batch (waiting for the batch before to commit)")
                .register(meters);
        this.writeTime = Timer.builder("ledger.append.batch.write")
                .description("Writing a batch's events, links and index rows, under the head lock").register(meters);
        this.appendTime = Timer.builder("ledger.append.time")
                .description("An append, from its admission to the commit that holds it").register(meters);
        this.connections = appendConnections;
        this.closeConnections = closeConnections;
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(appendConnections));
        this.jdbc = new JdbcTemplate(appendConnections);
        this.writes = BatchWrites.forDatabase(jdbc);
        this.clock = clock;
        this.keys = keys;
        this.streams = streams;
        this.hooks = List.copyOf(hooks);
        this.maxBatchEvents = maxBatchEvents;
        for (int i = 0; i < writerCount; i++) {
            Thread writer = new Thread(this::write, "ledger-group-commit-" + i);
            writer.setDaemon(true);
            writer.start();
            writers.add(writer);
        }
    }

    /**
     * Stores the events (and the receipt) in the next batch and returns once that batch committed.
     *
     * @return the events as stored, with their global positions, in the order given
     * @throws CustomerErasedException           an interaction or personal data of an erased customer
     * @throws StreamConflictException           another writer stored an event at one of these stream positions
     * @throws AggregateStreamCreationException  a new stream's first position was taken (the id exists)
     * @throws EventStoreException               the store failed
     */
    List<AppendedEvent> append(List<PreparedEvent> events, CommandReceipt receipt) {
        Append append = new Append(events, receipt, new CompletableFuture<>());
        synchronized (admission) {
            if (closed) {
                throw new EventStoreException("the ledger is shutting down and stores nothing more");
            }
            queue.add(append);
            admitted.incrementAndGet();
        }
        long admittedAt = System.nanoTime();
        try {
            return append.done().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                // Thrown again here, so the stack says which append it was.
                cause.addSuppressed(new Exception("appended from here"));
                throw cause;
            }
            throw e;
        } finally {
            appendTime.record(System.nanoTime() - admittedAt, TimeUnit.NANOSECONDS);
        }
    }

    /** How many appends were admitted so far (stored, refused, or waiting). */
    public long appends() {
        return admitted.get();
    }

    /** How many appends wait to be taken into a batch by a writer. */
    public int queued() {
        return queue.size();
    }

    /** How many threads store batches (each holding the head lock in turn). */
    public int writers() {
        return writers.size();
    }

    /** How many batches committed so far: fewer than appends when appends arrive together. */
    public long batches() {
        return committedBatches.get();
    }

    /** Stores what was admitted already, then stops the writer. */
    @Override
    public void close() {
        synchronized (admission) {
            closed = true;
        }
        try {
            for (Thread writer : writers) {
                writer.join(TimeUnit.SECONDS.toMillis(30));
            }
            closeConnections.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("Could not close the append path's connections", e);
        }
    }

    private void write() {
        List<Append> batch = new ArrayList<>();
        while (true) {
            // One writer takes at a time (what queued up while the others store), so a batch is the queue's order.
            synchronized (taking) {
                Append first;
                try {
                    first = queue.poll(100, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    first = null;
                }
                if (first == null) {
                    synchronized (admission) {
                        if (closed && queue.isEmpty()) {
                            return;
                        }
                    }
                    continue;
                }
                batch.add(first);
                int events = first.events().size();
                for (Append next = queue.peek(); next != null && events + next.events().size() <= maxBatchEvents;
                     next = queue.peek()) {
                    batch.add(queue.poll());
                    events += next.events().size();
                }
            }
            store(batch);
            batch.clear();
        }
    }

    private void store(List<Append> batch) {
        List<Outcome> outcomes;
        long started = System.nanoTime();
        try {
            outcomes = transaction.execute(status -> storeInTransaction(batch));
            batchTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        } catch (RuntimeException failure) {
            if (batch.size() == 1) {
                batch.get(0).done().completeExceptionally(explain(failure, batch.get(0)));
            } else {
                log.debug("A batch of {} appends failed ({}); storing them one by one", batch.size(),
                        failure.toString());
                batch.forEach(append -> store(List.of(append)));
            }
            return;
        } catch (Error error) {
            batch.forEach(append -> append.done().completeExceptionally(error));
            throw error;
        }
        committedBatches.incrementAndGet();
        batchAppends.record(batch.size());
        batchEvents.record(batch.stream().mapToInt(append -> append.events().size()).sum());
        for (Outcome outcome : outcomes) {
            if (outcome.refusal() != null) {
                outcome.append().done().completeExceptionally(outcome.refusal());
            } else {
                streams.committed(outcome.linked());
                outcome.append().done().complete(outcome.stored());
            }
        }
    }

    private List<Outcome> storeInTransaction(List<Append> batch) {
        // Under the head lock, which every erasure's own append takes too: no interaction slips in after it.
        long locking = System.nanoTime();
        BatchWrites.LockedHead head = writes.lockHead(customersThatMustBeLive(batch));
        lockTime.record(System.nanoTime() - locking, TimeUnit.NANOSECONDS);
        Set<String> erased = new HashSet<>(head.erased());
        String recordedAt = RecordedTime.format(RecordedTime.next(clock.instant(), head.recordedAt()));
        long position = head.globalIndex();
        String chainHash = head.chainHash();
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        List<StoredAppend> stored = new ArrayList<>(batch.size());
        List<Linked> all = new ArrayList<>();
        List<CustomerErased> erasures = new ArrayList<>();
        List<RestrictionChange> restrictions = new ArrayList<>();
        for (Append append : batch) {
            String erasedCustomer = append.events().stream()
                    .filter(event -> event.needsLiveCustomer() && erased.contains(event.customerId()))
                    .map(PreparedEvent::customerId).findFirst().orElse(null);
            if (erasedCustomer != null) {
                outcomes.add(new Outcome(append, null, null, new CustomerErasedException(erasedCustomer)));
                continue;
            }
            List<Linked> linked = new ArrayList<>(append.events().size());
            Map<String, String> streamHeads = new HashMap<>();
            for (PreparedEvent event : append.events()) {
                position++;
                StoredEvent prepared = event.row();
                StoredEvent row = new StoredEvent(position, prepared.aggregateIdentifier(), prepared.sequenceNumber(),
                        prepared.type(), prepared.eventIdentifier(), prepared.metadata(), prepared.payload(),
                        prepared.payloadRevision(), prepared.payloadType(), recordedAt);
                String digest = row.digest();
                String streamHash = LedgerHash.streamHash(streamHeads.getOrDefault(row.aggregateIdentifier(),
                        event.previousStreamHash()), row.sequenceNumber(), digest);
                streamHeads.put(row.aggregateIdentifier(), streamHash);
                chainHash = LedgerHash.chainHash(chainHash, position, digest);
                linked.add(new Linked(event, row, digest, streamHash, chainHash));
                if (event.message().getPayload() instanceof CustomerErased erasure) {
                    erasures.add(erasure);
                    erased.add(erasure.customerId().value());
                } else if (event.message().getPayload() instanceof CustomerRestricted restriction) {
                    restrictions.add(new RestrictionChange(restriction.customerId().value(), true, position));
                } else if (event.message().getPayload() instanceof CustomerRestrictionLifted lifting) {
                    restrictions.add(new RestrictionChange(lifting.customerId().value(), false, position));
                }
            }
            List<AppendedEvent> appended = linked.stream().map(event -> new AppendedEvent(
                    event.row().eventIdentifier(), event.event().message().getPayloadType().getSimpleName(),
                    event.row().aggregateIdentifier(), event.row().sequenceNumber(), event.position())).toList();
            all.addAll(linked);
            outcomes.add(new Outcome(append, linked, appended, null));
            stored.add(new StoredAppend(append.receipt(),
                    append.events().stream().<EventMessage<?>>map(PreparedEvent::message).toList(), appended));
        }
        if (all.isEmpty()) {
            return outcomes;
        }
        long writing = System.nanoTime();
        try {
            writes.write(all, recordedAt);
            writeTime.record(System.nanoTime() - writing, TimeUnit.NANOSECONDS);
        } catch (DataAccessException e) {
            if (isUniqueViolation(e)) {
                throw new StoreConflict(e);
            }
            throw e;
        }
        Connection connection = DataSourceUtils.getConnection(connections);
        erasures.forEach(erasure -> keys.destroy(connection, erasure.customerId().value(), erasure.occurredAt()));
        // Restrictions hold from the commit that stores them (their command is answered after it), on every instance.
        restrictions.forEach(change -> CustomerRestrictions.record(jdbc, change.customerId(), change.restricted(),
                change.position()));
        hooks.forEach(hook -> hook.stored(Collections.unmodifiableList(stored), jdbc));
        return outcomes;
    }

    private static Set<String> customersThatMustBeLive(List<Append> batch) {
        Set<String> customers = new LinkedHashSet<>();
        for (Append append : batch) {
            for (PreparedEvent event : append.events()) {
                if (event.needsLiveCustomer() && event.customerId() != null) {
                    customers.add(event.customerId());
                }
            }
        }
        return customers;
    }

    /**
     * Why an append stored alone failed, as its command should hear it: a stream position taken first (which
     * stream: a new stream's id already in use, or an existing stream moved on), or the failure itself.
     */
    private RuntimeException explain(RuntimeException failure, Append append) {
        if (!(failure instanceof StoreConflict conflict)) {
            return failure instanceof DataAccessException
                    ? new EventStoreException("the ledger could not store the events: " + failure.getMessage(),
                    failure)
                    : failure;
        }
        for (PreparedEvent event : append.events()) {
            StoredEvent row = event.row();
            Integer taken = jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry"
                            + " WHERE aggregateidentifier = ? AND sequencenumber = ?", Integer.class,
                    row.aggregateIdentifier(), row.sequenceNumber());
            if (taken != null && taken > 0) {
                String what = "an event of " + row.aggregateIdentifier() + " at sequence number "
                        + row.sequenceNumber() + " is already stored";
                return row.sequenceNumber() == 0
                        ? new AggregateStreamCreationException(what, conflict.getCause())
                        : new StreamConflictException(what, conflict.getCause());
            }
        }
        return new EventStoreException("the ledger refused the events: a unique key of the event table",
                conflict.getCause());
    }

    /** SQL state 23505 (unique violation) anywhere in the chain, on PostgreSQL and on H2 alike. */
    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            for (SQLException sql = cause instanceof SQLException e ? e : null; sql != null;
                 sql = sql.getNextException()) {
                if ("23505".equals(sql.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }
}

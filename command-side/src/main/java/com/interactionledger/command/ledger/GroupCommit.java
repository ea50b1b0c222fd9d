package com.interactionledger.command.ledger;

import com.interactionledger.contracts.ledger.LedgerHash;
import com.interactionledger.contracts.ledger.StoredEvent;
import com.interactionledger.contracts.privacy.CustomerErased;
import com.interactionledger.contracts.privacy.CustomerErasedException;
import com.interactionledger.contracts.privacy.CustomerKeys;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import javax.sql.DataSource;

/**
 * Group commit: the appends that arrive while one batch is being stored are stored together in the next, in one
 * transaction under one take of the chain's head lock — one multi-row insert each of events, links and customer
 * index rows, one move of the head, the {@link AppendHook}s' work — instead of one transaction and one lock per
 * append. Batches form by themselves under load and add no delay when idle: a lone append is stored at once.
 * <p>
 * One writer thread per instance stores the batches; the threads that append wait for the commit that holds
 * their events and get back the positions actually stored (no answer is given before that commit). Everything
 * that can be done before the lock is done by the appending threads (serialising, sealing, digests, stream
 * hashes: {@link LedgerAppendPath}); under the lock remain the positions, the chain hashes and the statements.
 * <p>
 * The writer has connections of its own ({@code appendConnections}: a small pool nothing else uses), so neither the
 * read models' processors nor the requests can leave it waiting for a connection while they wait for it.
 * <p>
 * Positions are handed out here, under the lock, one after the other from the head: the ledger's global order has
 * no gaps, even when a batch fails. An append refused under the lock (its customer was erased) fails alone and the
 * rest commit. When a batch fails as a whole (a unique key: another writer stored the same stream position first,
 * an Idempotency-Key already used; or an error of a hook), it is rolled back and its appends are stored one by one,
 * so that only the one at fault fails.
 */
public class GroupCommit implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private static final String INSERT_EVENT = "INSERT INTO domainevententry (globalindex, eventidentifier,"
            + " aggregateidentifier, sequencenumber, type, timestamp, payloadtype, payloadrevision, payload, metadata)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_LINK = "INSERT INTO ledger_chain (globalindex, previous_globalindex,"
            + " aggregateidentifier, sequencenumber, event_digest, chain_hash, stream_hash)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_INDEX = "INSERT INTO ledger_customer_event (customer_id, globalindex)"
            + " VALUES (?, ?)";

    /** One append waiting for its batch. */
    private record Append(List<PreparedEvent> events, CommandReceipt receipt,
                          CompletableFuture<List<AppendedEvent>> done) {
    }

    /** What became of one append in a batch that committed: stored at these positions, or refused. */
    private record Outcome(Append append, List<AppendedEvent> stored, RuntimeException refusal) {
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
    private final LedgerChain chain;
    private final CustomerKeys keys;
    private final StreamHeads streams;
    private final List<AppendHook> hooks;
    private final int maxBatchEvents;
    private final Thread writer;
    private final Object admission = new Object();
    private boolean closed;
    private final AtomicLong admitted = new AtomicLong();
    private final AtomicLong committedBatches = new AtomicLong();

    /**
     * @param appendConnections the writer's own connections to the ledger's database
     * @param closeConnections  closes them when the writer stops (or does nothing when they are shared)
     */
    GroupCommit(DataSource appendConnections, AutoCloseable closeConnections, CustomerKeys keys, StreamHeads streams,
                List<AppendHook> hooks, int maxBatchEvents) {
        this.connections = appendConnections;
        this.closeConnections = closeConnections;
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(appendConnections));
        this.jdbc = new JdbcTemplate(appendConnections);
        this.chain = new LedgerChain(jdbc);
        this.keys = keys;
        this.streams = streams;
        this.hooks = List.copyOf(hooks);
        this.maxBatchEvents = maxBatchEvents;
        this.writer = new Thread(this::write, "ledger-group-commit");
        this.writer.setDaemon(true);
        this.writer.start();
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
        try {
            return append.done().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                // Thrown again here, so the stack says which append it was.
                cause.addSuppressed(new Exception("appended from here"));
                throw cause;
            }
            throw e;
        }
    }

    /** How many appends were admitted so far (stored, refused, or waiting). */
    public long appends() {
        return admitted.get();
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
            writer.join(TimeUnit.SECONDS.toMillis(30));
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
            store(batch);
            batch.clear();
        }
    }

    private void store(List<Append> batch) {
        List<Outcome> outcomes;
        try {
            outcomes = transaction.execute(status -> storeInTransaction(batch));
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
        for (Outcome outcome : outcomes) {
            if (outcome.refusal() != null) {
                outcome.append().done().completeExceptionally(outcome.refusal());
            } else {
                streams.committed(outcome.append().events());
                outcome.append().done().complete(outcome.stored());
            }
        }
    }

    private List<Outcome> storeInTransaction(List<Append> batch) {
        LedgerChain.Head head = chain.lockHead();
        // Under the head lock, which every erasure's own append takes too: no interaction slips in after it.
        Connection connection = DataSourceUtils.getConnection(connections);
        Set<String> erased = new HashSet<>(keys.erasedAmong(connection, customersThatMustBeLive(batch)));
        long position = head.globalIndex();
        String chainHash = head.chainHash();
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        List<StoredAppend> stored = new ArrayList<>(batch.size());
        List<PreparedEvent> rows = new ArrayList<>();
        List<String> chainHashes = new ArrayList<>();
        List<CustomerErased> erasures = new ArrayList<>();
        for (Append append : batch) {
            String erasedCustomer = append.events().stream()
                    .filter(event -> event.needsLiveCustomer() && erased.contains(event.customerId()))
                    .map(PreparedEvent::customerId).findFirst().orElse(null);
            if (erasedCustomer != null) {
                outcomes.add(new Outcome(append, null, new CustomerErasedException(erasedCustomer)));
                continue;
            }
            List<AppendedEvent> appended = new ArrayList<>(append.events().size());
            List<EventMessage<?>> messages = new ArrayList<>(append.events().size());
            for (PreparedEvent event : append.events()) {
                position++;
                chainHash = LedgerHash.chainHash(chainHash, position, event.digest());
                rows.add(event);
                chainHashes.add(chainHash);
                if (event.message().getPayload() instanceof CustomerErased erasure) {
                    erasures.add(erasure);
                    erased.add(erasure.customerId().value());
                }
                StoredEvent row = event.row();
                appended.add(new AppendedEvent(row.eventIdentifier(), event.message().getPayloadType().getSimpleName(),
                        row.aggregateIdentifier(), row.sequenceNumber(), position));
                messages.add(event.message());
            }
            outcomes.add(new Outcome(append, List.copyOf(appended), null));
            stored.add(new StoredAppend(append.receipt(), List.copyOf(messages), List.copyOf(appended)));
        }
        if (rows.isEmpty()) {
            return outcomes;
        }
        // Consecutive from the head: the stored rows are exactly rows[i] at head + 1 + i.
        long[] positions = LongStream.rangeClosed(head.globalIndex() + 1, position).toArray();
        insertEvents(rows, positions);
        insertLinks(rows, positions, chainHashes.toArray(String[]::new));
        insertIndex(rows, positions);
        jdbc.update("UPDATE ledger_chain_head SET globalindex = ?, chain_hash = ? WHERE id = 1", position, chainHash);
        erasures.forEach(erasure -> keys.destroy(connection, erasure.customerId().value(), erasure.occurredAt()));
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

    private void insertEvents(List<PreparedEvent> rows, long[] positions) {
        try {
            batch(INSERT_EVENT, rows.size(), (insert, i) -> {
                StoredEvent row = rows.get(i).row();
                insert.setLong(1, positions[i]);
                insert.setString(2, row.eventIdentifier());
                insert.setString(3, row.aggregateIdentifier());
                insert.setLong(4, row.sequenceNumber());
                setNullable(insert, 5, row.type());
                insert.setString(6, row.timestamp());
                insert.setString(7, row.payloadType());
                setNullable(insert, 8, row.payloadRevision());
                insert.setBytes(9, row.payload());
                insert.setBytes(10, row.metadata());
            });
        } catch (DataAccessException e) {
            if (isUniqueViolation(e)) {
                throw new StoreConflict(e);
            }
            throw e;
        }
    }

    private void insertLinks(List<PreparedEvent> rows, long[] positions, String[] chainHashes) {
        batch(INSERT_LINK, rows.size(), (insert, i) -> {
            PreparedEvent event = rows.get(i);
            long previous = positions[i] - 1;
            insert.setLong(1, positions[i]);
            if (previous == 0) {
                insert.setNull(2, Types.BIGINT);
            } else {
                insert.setLong(2, previous);
            }
            insert.setString(3, event.row().aggregateIdentifier());
            insert.setLong(4, event.row().sequenceNumber());
            insert.setString(5, event.digest());
            insert.setString(6, chainHashes[i]);
            insert.setString(7, event.streamHash());
        });
    }

    private void insertIndex(List<PreparedEvent> rows, long[] positions) {
        List<Integer> indexed = IntStream.range(0, rows.size()).filter(i -> rows.get(i).customerId() != null)
                .boxed().toList();
        jdbc.batchUpdate(INSERT_INDEX, indexed, indexed.size(), (insert, i) -> {
            insert.setString(1, rows.get(i).customerId());
            insert.setLong(2, positions[i]);
        });
    }

    /** One statement executed as a batch of {@code size} rows (one multi-row insert on PostgreSQL). */
    private void batch(String sql, int size, ParameterizedPreparedStatementSetter<Integer> row) {
        jdbc.batchUpdate(sql, IntStream.range(0, size).boxed().toList(), size, row);
    }

    private static void setNullable(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
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

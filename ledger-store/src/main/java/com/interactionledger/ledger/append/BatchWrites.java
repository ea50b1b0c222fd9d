package com.interactionledger.ledger.append;

import com.interactionledger.ledger.stored.Databases;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The statements that store a batch of appends, in its transaction: lock the chain's head, then write the events,
 * their links and customer index rows and move the head. Two ways of saying the same: portable JDBC batches
 * ({@link JdbcBatchWrites}), and on PostgreSQL two round trips for the whole batch ({@link PostgresBatchWrites}):
 * every append of every instance waits while a batch holds the lock, so the fewer round trips the better.
 */
interface BatchWrites {

    /** The chain's head as locked for the batch, and which of the batch's customers were erased. */
    record LockedHead(long globalIndex, String chainHash, Instant recordedAt, Set<String> erased) {
    }

    /**
     * Locks the chain's head until the transaction ends (every batch of every instance takes this lock first), and
     * reads which of {@code customers} were erased, under the lock: an erasure is stored under it too.
     */
    LockedHead lockHead(Collection<String> customers);

    /**
     * Inserts the rows, links and index rows of {@code linked} (consecutive positions after the head) and moves the
     * head to the last of them, recorded at {@code recordedAt}.
     *
     * @throws org.springframework.dao.DataAccessException when a unique key refuses a row, among others
     */
    void write(List<Linked> linked, String recordedAt);

    /** The statements for the database behind {@code jdbc}. */
    static BatchWrites forDatabase(JdbcTemplate jdbc) {
        return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) Databases::isPostgres))
                ? new PostgresBatchWrites(jdbc) : new JdbcBatchWrites(jdbc);
    }
}

package com.interactionledger.replay;

import com.interactionledger.contracts.common.LedgerMetadata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Counts what the event store holds, reading {@code domainevententry} with plain JDBC (PostgreSQL or H2).
 * <p>
 * Counts that SQL can answer are left to the database; only the metadata is streamed, because the customer id
 * lives inside JSON bytes that are parsed here with Jackson. Memory therefore grows with the number of distinct
 * customers, never with the number of events.
 */
public final class LedgerStats {

    /** Rows per round trip: large enough to stream fast, small enough to keep the driver's buffer modest. */
    public static final int DEFAULT_FETCH_SIZE = 1_000;

    /**
     * What the event store held in one consistent snapshot.
     *
     * @param events                number of stored events
     * @param firstGlobalIndex      lowest global index, empty when the store is empty
     * @param lastGlobalIndex       highest global index (the head position), empty when the store is empty
     * @param missingGlobalIndexes  global index values between first and last that no event has
     * @param sessions              distinct aggregate identifiers
     * @param customers             distinct {@code customerId} values in the metadata
     * @param eventsWithoutCustomer events whose metadata is absent, unreadable or lacks {@code customerId}
     * @param eventsByType          event count per simple class name of the payload type, sorted by name
     */
    public record Result(long events, OptionalLong firstGlobalIndex, OptionalLong lastGlobalIndex,
                         long missingGlobalIndexes, long sessions, long customers, long eventsWithoutCustomer,
                         SortedMap<String, Long> eventsByType) {

        public Result {
            eventsByType = Collections.unmodifiableSortedMap(new TreeMap<>(eventsByType));
        }
    }

    private final int fetchSize;

    public LedgerStats() {
        this(DEFAULT_FETCH_SIZE);
    }

    public LedgerStats(int fetchSize) {
        if (fetchSize < 1) {
            throw new IllegalArgumentException("fetch size must be positive, was " + fetchSize);
        }
        this.fetchSize = fetchSize;
    }

    /**
     * Reads the statistics in one read-only transaction, rolled back afterwards; the connection's auto-commit
     * setting is restored.
     */
    public Result compute(Connection connection) throws SQLException {
        // One snapshot: the per-type counts add up to the total, the head matches the count.
        return ReadSnapshot.<Result, RuntimeException>read(connection, () -> read(connection));
    }

    private Result read(Connection connection) throws SQLException {
        long events;
        OptionalLong first = OptionalLong.empty();
        OptionalLong last = OptionalLong.empty();
        long sessions;
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT count(*), min(globalindex), max(globalindex), count(DISTINCT aggregateidentifier) "
                        + "FROM domainevententry");
             ResultSet row = statement.executeQuery()) {
            row.next();
            events = row.getLong(1);
            if (events > 0) {
                first = OptionalLong.of(row.getLong(2));
                last = OptionalLong.of(row.getLong(3));
            }
            sessions = row.getLong(4);
        }
        // globalindex is the primary key, so every position between first and last is either taken once or missing.
        long missing = events == 0 ? 0 : last.getAsLong() - first.getAsLong() + 1 - events;

        SortedMap<String, Long> byType = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT payloadtype, count(*) FROM domainevententry GROUP BY payloadtype");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                // Same simple name in two packages would be summed; events are one top-level record per name.
                byType.merge(simpleName(rows.getString(1)), rows.getLong(2), Long::sum);
            }
        }

        Set<String> customers = new HashSet<>();
        long withoutCustomer = 0;
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT metadata FROM domainevententry",
                ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(fetchSize);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    // A damaged row counts as one without a customer: statistics report it, they do not stop at it.
                    String customer = LedgerMetadata.customerIdIn(rows.getBytes(1));
                    if (customer == null) {
                        withoutCustomer++;
                    } else {
                        customers.add(customer);
                    }
                }
            }
        }
        return new Result(events, first, last, missing, sessions, customers.size(), withoutCustomer, byType);
    }

    private static String simpleName(String payloadType) {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }

}

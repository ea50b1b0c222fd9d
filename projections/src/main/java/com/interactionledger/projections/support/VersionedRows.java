package com.interactionledger.projections.support;

import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Idempotent updates of read-model rows that remember the sequence number of the last event applied to them: an
 * event at or below that number is a redelivery or a replay over existing rows, and changes nothing.
 */
public final class VersionedRows {

    /** Marker for a column to be incremented rather than set. */
    public static final Object INCREMENT = new Object();

    private VersionedRows() {
    }

    /**
     * Sets {@code changes} and {@code version = sequence} on the row whose {@code keyColumn} is {@code key}, unless
     * the row already applied an event at or after {@code sequence}. Column names come from code, never from input.
     */
    public static void update(JdbcTemplate jdbc, String table, String keyColumn, String key, long sequence,
                              Map<String, Object> changes) {
        List<Object> args = new ArrayList<>();
        StringBuilder set = new StringBuilder();
        changes.forEach((column, value) -> {
            if (value == INCREMENT) {
                set.append(column).append(" = ").append(column).append(" + 1, ");
            } else {
                set.append(column).append(" = ?, ");
                args.add(value instanceof Instant instant ? utc(instant) : value);
            }
        });
        args.add(sequence);
        args.add(key);
        args.add(sequence);
        jdbc.update("UPDATE " + table + " SET " + set + "version = ? WHERE " + keyColumn + " = ? AND version < ?",
                args.toArray());
    }

    /** A stored timestamp with time zone as an instant; null stays null. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /**
     * The global position of the event a handler is applying: the version of rows that several streams of one
     * customer change (a processor sequenced per customer sees them in this order).
     */
    public static long position(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("token without position: " + token));
    }

    /** Instants are stored as UTC timestamps with time zone, the same on PostgreSQL and H2. */
    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}

package com.interactionledger.projections.support;

import com.interactionledger.ledger.stored.Placeholders;
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

    /**
     * A table whose rows a batch keeps in memory as maps of column to value ({@link KeyedRows}), written back with all
     * their columns; {@code columns} start with the key and include {@code version}.
     */
    public static KeyedRows.Table<Map<String, Object>> columns(String table, List<String> columns) {
        String key = columns.get(0);
        List<String> rest = columns.subList(1, columns.size()).stream().filter(c -> !c.equals("version")).toList();
        String select = "SELECT " + String.join(", ", columns) + " FROM " + table;
        String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + Placeholders.of(columns.size()) + ") ON CONFLICT DO NOTHING";
        String update = "UPDATE " + table + " SET " + String.join(" = ?, ", rest) + " = ?, version = ? WHERE " + key
                + " = ? AND version < ?";
        return new KeyedRows.Table<>() {
            @Override
            public String select() {
                return select;
            }

            @Override
            public String keyColumn() {
                return key;
            }

            @Override
            public org.springframework.jdbc.core.RowMapper<Map<String, Object>> reader() {
                return (rs, row) -> {
                    Map<String, Object> values = new java.util.LinkedHashMap<>();
                    for (String column : columns) {
                        values.put(column, inMemory(rs.getObject(column)));
                    }
                    return values;
                };
            }

            @Override
            public String key(Map<String, Object> row) {
                return (String) row.get(key);
            }

            @Override
            public String insert() {
                return insert;
            }

            @Override
            public Object[] insertValues(Map<String, Object> row) {
                return columns.stream().map(row::get).toArray();
            }

            @Override
            public String update() {
                return update;
            }

            @Override
            public Object[] updateValues(Map<String, Object> row) {
                List<Object> values = new ArrayList<>(rest.size() + 3);
                rest.forEach(column -> values.add(row.get(column)));
                values.add(row.get("version"));
                values.add(row.get(key));
                values.add(row.get("version"));
                return values.toArray();
            }
        };
    }

    /**
     * A value as a row in memory holds it, whatever the driver gave: a timestamp with time zone as a UTC offset
     * date-time and a date as a local date — what the handlers set, and what writes back unchanged (a
     * {@code java.sql.Timestamp} or {@code Date} would be written in the JVM's own time zone).
     */
    private static Object inMemory(Object value) {
        if (value instanceof java.sql.Timestamp || value instanceof OffsetDateTime) {
            return utc(instantOf(value));
        } else if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        return value;
    }

    /**
     * Applies {@code changes} to a row in memory ({@link #INCREMENT} adds one; instants are stored in UTC) and moves
     * its version to {@code sequence}.
     */
    public static void apply(Map<String, Object> row, long sequence, Map<String, Object> changes) {
        changes.forEach((column, value) -> {
            if (value == INCREMENT) {
                row.put(column, ((Number) row.get(column)).intValue() + 1);
            } else {
                row.put(column, value instanceof Instant instant ? utc(instant) : value);
            }
        });
        row.put("version", sequence);
    }

    /** The version of a row in memory. */
    public static long version(Map<String, Object> row) {
        return ((Number) row.get("version")).longValue();
    }

    /**
     * A timestamp read into a row in memory as an instant, whatever the driver gave (PostgreSQL a Timestamp, H2 an
     * OffsetDateTime) or a handler set; null stays null.
     */
    public static Instant instantOf(Object value) {
        if (value == null) {
            return null;
        } else if (value instanceof Instant instant) {
            return instant;
        } else if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        } else if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalArgumentException("not a timestamp: " + value.getClass().getName());
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

    /**
     * An instant as a row stores it: to the microsecond, rounded half up (PostgreSQL's and H2's timestamps keep
     * microseconds; the edge's clock gives nanoseconds). A read model that works out durations from instants it keeps
     * in rows takes both ends at this precision, so a batch that still holds the start in memory and one that read it
     * back from the row compute the same duration (a queue time of 70.000 s, not 69.999).
     */
    public static Instant stored(Instant instant) {
        if (instant == null) {
            return null;
        }
        long micros = Math.round(instant.getNano() / 1_000.0);
        return Instant.ofEpochSecond(instant.getEpochSecond(), 0).plusNanos(micros * 1_000);
    }

    /** Instants are stored as UTC timestamps with time zone, the same on PostgreSQL and H2. */
    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}

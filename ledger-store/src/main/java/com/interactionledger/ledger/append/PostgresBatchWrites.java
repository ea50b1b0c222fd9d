package com.interactionledger.ledger.append;

import com.interactionledger.ledger.stored.Databases;
import com.interactionledger.ledger.stored.RecordedTime;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A batch's statements on PostgreSQL, two round trips whatever the batch's size: one locks the head and then reads the
 * batch's erased customers; one writes every event, link and index row (each table from arrays, {@code unnest}) and
 * moves the head, as one statement. The writes' text never changes, so the server plans them once; the look-up of
 * erased customers is planned for the batch's customers each time.
 */
final class PostgresBatchWrites implements BatchWrites {

    // Two statements in one round trip: the erased customers are read by a statement of their own, whose snapshot
    // is taken once the lock is held. In the same statement as the lock they would be read as they stood before
    // waiting for it, missing an erasure committed by the batch (of another writer or instance) that held it.
    private static final String LOCK_HEAD = "SELECT globalindex, chain_hash, recorded_at FROM ledger_chain_head"
            + " WHERE id = 1 FOR UPDATE; SELECT customer_id FROM ledger_customer_key"
            + " WHERE destroyed_at IS NOT NULL AND customer_id = ANY(?)";

    private static final String WRITE = """
            WITH events AS (
                INSERT INTO domainevententry (globalindex, eventidentifier, aggregateidentifier, sequencenumber, type,
                    timestamp, payloadtype, payloadrevision, payload, metadata)
                SELECT * FROM unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::bigint[], ?::varchar[], ?::varchar[],
                    ?::varchar[], ?::varchar[], ?::bytea[], ?::bytea[])
            ), links AS (
                INSERT INTO ledger_chain (globalindex, previous_globalindex, aggregateidentifier, sequencenumber,
                    event_digest, chain_hash, stream_hash)
                SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::varchar[], ?::bigint[], ?::varchar[], ?::varchar[],
                    ?::varchar[])
            ), customers AS (
                INSERT INTO ledger_customer_event (customer_id, globalindex)
                SELECT * FROM unnest(?::varchar[], ?::bigint[])
            )
            UPDATE ledger_chain_head SET globalindex = ?, chain_hash = ?, recorded_at = ? WHERE id = 1""";

    private final JdbcTemplate jdbc;

    PostgresBatchWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public LockedHead lockHead(Collection<String> customers) {
        return jdbc.execute((ConnectionCallback<LockedHead>) connection -> {
            // planned for the batch's customers each time (Databases.plannedForItsValues)
            try (PreparedStatement lock = Databases.plannedForItsValues(connection, LOCK_HEAD)) {
                lock.setArray(1, connection.createArrayOf("varchar", customers.toArray()));
                lock.execute();
                long globalIndex;
                String chainHash;
                String recordedAt;
                try (ResultSet head = lock.getResultSet()) {
                    head.next();
                    globalIndex = head.getLong(1);
                    chainHash = head.getString(2);
                    recordedAt = head.getString(3);
                }
                Set<String> erased = new HashSet<>();
                lock.getMoreResults();
                try (ResultSet customer = lock.getResultSet()) {
                    while (customer.next()) {
                        erased.add(customer.getString(1));
                    }
                }
                return new LockedHead(globalIndex, chainHash, RecordedTime.parse(recordedAt), erased);
            }
        });
    }

    @Override
    public void write(List<Linked> linked, String recordedAt) {
        List<Linked> indexed = linked.stream().filter(event -> event.event().customerId() != null).toList();
        Linked last = linked.get(linked.size() - 1);
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (PreparedStatement write = connection.prepareStatement(WRITE)) {
                int i = 0;
                write.setArray(++i, array(connection, "bigint", linked, event -> event.position()));
                write.setArray(++i, array(connection, "varchar", linked, event -> event.row().eventIdentifier()));
                write.setArray(++i, array(connection, "varchar", linked, event -> event.row().aggregateIdentifier()));
                write.setArray(++i, array(connection, "bigint", linked, event -> event.row().sequenceNumber()));
                write.setArray(++i, array(connection, "varchar", linked, event -> event.row().type()));
                write.setArray(++i, array(connection, "varchar", linked, event -> event.row().timestamp()));
                write.setArray(++i, array(connection, "varchar", linked, event -> event.row().payloadType()));
                write.setArray(++i, array(connection, "varchar", linked, event -> event.row().payloadRevision()));
                write.setArray(++i, array(connection, "bytea", linked, event -> event.row().payload()));
                write.setArray(++i, array(connection, "bytea", linked, event -> event.row().metadata()));
                write.setArray(++i, array(connection, "bigint", linked, event -> event.position()));
                write.setArray(++i, array(connection, "bigint", linked,
                        event -> event.position() == 1 ? null : event.position() - 1));
                write.setArray(++i, array(connection, "varchar", linked, event -> event.row().aggregateIdentifier()));
                write.setArray(++i, array(connection, "bigint", linked, event -> event.row().sequenceNumber()));
                write.setArray(++i, array(connection, "varchar", linked, Linked::digest));
                write.setArray(++i, array(connection, "varchar", linked, Linked::chainHash));
                write.setArray(++i, array(connection, "varchar", linked, Linked::streamHash));
                write.setArray(++i, array(connection, "varchar", indexed, event -> event.event().customerId()));
                write.setArray(++i, array(connection, "bigint", indexed, event -> event.position()));
                write.setLong(++i, last.position());
                write.setString(++i, last.chainHash());
                write.setString(++i, recordedAt);
                write.executeUpdate();
            }
            return null;
        });
    }

    private static Array array(Connection connection, String type, List<Linked> events,
                               Function<Linked, Object> value) throws SQLException {
        Object[] values = type.equals("bytea") ? new byte[events.size()][] : new Object[events.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value.apply(events.get(i));
        }
        return connection.createArrayOf(type, values);
    }
}

package com.interactionledger.ledger.append;

import com.interactionledger.ledger.stored.Placeholders;
import com.interactionledger.ledger.stored.RecordedTime;
import com.interactionledger.ledger.stored.StoredEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/** A batch's statements in portable JDBC (the embedded H2 database): one JDBC batch per table. */
final class JdbcBatchWrites implements BatchWrites {

    private static final String INSERT_EVENT = "INSERT INTO domainevententry (globalindex, eventidentifier,"
            + " aggregateidentifier, sequencenumber, type, timestamp, payloadtype, payloadrevision, payload, metadata)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_LINK = "INSERT INTO ledger_chain (globalindex, previous_globalindex,"
            + " aggregateidentifier, sequencenumber, event_digest, chain_hash, stream_hash)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_INDEX = "INSERT INTO ledger_customer_event (customer_id, globalindex)"
            + " VALUES (?, ?)";

    private final JdbcTemplate jdbc;

    JdbcBatchWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public LockedHead lockHead(Collection<String> customers) {
        LockedHead head = jdbc.queryForObject("SELECT globalindex, chain_hash, recorded_at FROM ledger_chain_head"
                        + " WHERE id = 1 FOR UPDATE", (rs, row) -> new LockedHead(rs.getLong(1), rs.getString(2),
                        RecordedTime.parse(rs.getString(3)), Set.of()));
        Set<String> erased = new HashSet<>();
        if (!customers.isEmpty()) {
            erased.addAll(jdbc.queryForList("SELECT customer_id FROM ledger_customer_key WHERE destroyed_at IS NOT NULL"
                    + " AND customer_id IN (" + Placeholders.of(customers.size()) + ")",
                    String.class, customers.toArray()));
        }
        return new LockedHead(head.globalIndex(), head.chainHash(), head.recordedAt(), erased);
    }

    @Override
    public void write(List<Linked> linked, String recordedAt) {
        batch(INSERT_EVENT, linked.size(), (insert, i) -> {
            StoredEvent row = linked.get(i).row();
            insert.setLong(1, row.globalIndex());
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
        batch(INSERT_LINK, linked.size(), (insert, i) -> {
            Linked event = linked.get(i);
            long previous = event.position() - 1;
            insert.setLong(1, event.position());
            if (previous == 0) {
                insert.setNull(2, Types.BIGINT);
            } else {
                insert.setLong(2, previous);
            }
            insert.setString(3, event.row().aggregateIdentifier());
            insert.setLong(4, event.row().sequenceNumber());
            insert.setString(5, event.digest());
            insert.setString(6, event.chainHash());
            insert.setString(7, event.streamHash());
        });
        List<Linked> indexed = linked.stream().filter(event -> event.event().customerId() != null).toList();
        batch(INSERT_INDEX, indexed.size(), (insert, i) -> {
            insert.setString(1, indexed.get(i).event().customerId());
            insert.setLong(2, indexed.get(i).position());
        });
        Linked last = linked.get(linked.size() - 1);
        jdbc.update("UPDATE ledger_chain_head SET globalindex = ?, chain_hash = ?, recorded_at = ? WHERE id = 1",
                last.position(), last.chainHash(), recordedAt);
    }

    /** One statement executed as a JDBC batch of {@code size} rows. */
    private void batch(String sql, int size, ParameterizedPreparedStatementSetter<Integer> row) {
        if (size > 0) {
            jdbc.batchUpdate(sql, IntStream.range(0, size).boxed().toList(), size, row);
        }
    }

    private static void setNullable(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }
}

package com.interactionledger.projections.support;

import com.interactionledger.ledger.stored.Databases;
import com.interactionledger.ledger.stored.Placeholders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The rows of one table that a batch of events changes, keyed by one column and versioned (the table's
 * {@code version} column holds the last event applied to the row): the batch's rows are read in one query for all
 * the keys its events name, changed in memory by the handlers, and written back when the batch is — the new ones
 * with one multi-row insert, the changed ones with one batch of updates that a row which already applied a later
 * event (a redelivery) ignores.
 *
 * @param <T> a row in memory
 */
public final class KeyedRows<T> implements ReadModelBatch.Rows {

    /** How a table's rows are read and written. */
    public interface Table<T> {

        /** {@code SELECT <columns> FROM <table>}, to which {@code WHERE key IN (...)} is added. */
        String select();

        String keyColumn();

        RowMapper<T> reader();

        String key(T row);

        /** An insert that ignores a row already there ({@code ON CONFLICT DO NOTHING}). */
        String insert();

        Object[] insertValues(T row);

        /** An update that ends {@code WHERE <key> = ? AND version < ?}. */
        String update();

        /** The update's values, the row's key and its version last. */
        Object[] updateValues(T row);
    }

    private final JdbcTemplate jdbc;
    private final boolean postgres;
    private final Table<T> table;
    private final Map<String, T> rows = new HashMap<>();
    private final Set<String> absent = new HashSet<>();
    private final Set<String> created = new LinkedHashSet<>();
    private final Set<String> changed = new LinkedHashSet<>();

    /**
     * @param postgres    whether the database is PostgreSQL (which reads the keys from an array)
     * @param keysOfBatch the keys the batch's events name, read at once on the first use
     */
    public KeyedRows(JdbcTemplate jdbc, boolean postgres, Table<T> table, Collection<String> keysOfBatch) {
        this.jdbc = jdbc;
        this.postgres = postgres;
        this.table = table;
        read(keysOfBatch);
    }

    /** Every distinct key a function finds in the batch's events (null: none in that event). */
    public static Set<String> keysIn(ReadModelBatch batch, Function<Object, String> keyOfPayload) {
        Set<String> keys = new LinkedHashSet<>();
        batch.messages().forEach(message -> {
            String key = keyOfPayload.apply(message.getPayload());
            if (key != null) {
                keys.add(key);
            }
        });
        return keys;
    }

    public Optional<T> find(String key) {
        if (!rows.containsKey(key) && !absent.contains(key)) {
            read(List.of(key));
        }
        return Optional.ofNullable(rows.get(key));
    }

    /** A new row, unless one is there already (then that one, unchanged). */
    public T create(T row) {
        String key = table.key(row);
        Optional<T> existing = find(key);
        if (existing.isPresent()) {
            return existing.get();
        }
        absent.remove(key);
        rows.put(key, row);
        created.add(key);
        return row;
    }

    /** The row was changed in memory: it is written back with the batch. */
    public void changed(T row) {
        String key = table.key(row);
        if (!created.contains(key)) {
            changed.add(key);
        }
    }

    @Override
    public void writeTo(ReadModelBatch batch) {
        for (String key : created) {
            batch.write(table.insert(), table.insertValues(rows.get(key)));
        }
        for (String key : changed) {
            batch.write(table.update(), table.updateValues(rows.get(key)));
        }
        created.clear();
        changed.clear();
    }

    private void read(Collection<String> keys) {
        List<String> wanted = new ArrayList<>();
        for (String key : keys) {
            if (!rows.containsKey(key) && !absent.contains(key)) {
                wanted.add(key);
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        absent.addAll(wanted);
        RowCallbackHandler keep = rs -> {
            T row = table.reader().mapRow(rs, 0);
            String key = table.key(row);
            rows.put(key, row);
            absent.remove(key);
        };
        if (postgres) {
            // Joined to the keys, so the planner looks each one up in the key's index: with an IN list it may scan
            // the whole table and compare every row with every key, which grows with the table. Planned for this
            // batch's keys each time, not once on an empty table (Databases.plannedForItsValues).
            jdbc.query(connection -> {
                var select = Databases.plannedForItsValues(connection, table.select()
                        + " JOIN unnest(?::varchar[]) AS wanted(key)"
                        + " ON " + table.keyColumn() + " = wanted.key");
                select.setArray(1, connection.createArrayOf("varchar", wanted.toArray()));
                return select;
            }, keep);
        } else {
            jdbc.query(table.select() + " WHERE " + table.keyColumn() + " IN ("
                    + Placeholders.of(wanted.size()) + ")", keep, wanted.toArray());
        }
    }
}

package com.interactionledger.projections.support;

import org.axonframework.messaging.Message;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a read model's handlers change while a batch of events is applied, written in one go when the batch commits
 * (see {@link ReadModelBatches}): rows kept in memory for the batch ({@link Rows}: read once for all the batch's
 * events, changed in memory, written back once), and statements collected by SQL text, each executed as one JDBC
 * batch. When the batch is written, first every {@link Rows} turns its changes into statements, then the statements
 * run, grouped by SQL text in the order each text was first used: a read model keeps its statements of different
 * texts independent of each other's order (an entry and its session row, say), or writes through its rows.
 */
public final class ReadModelBatch {

    /** Rows a read model keeps in memory for one batch, and writes when the batch is written. */
    public interface Rows {

        /** Adds the statements that store what changed since the last time ({@link #write}), and forgets it. */
        void writeTo(ReadModelBatch batch);
    }

    private final JdbcTemplate jdbc;
    private final boolean postgres;
    private final List<? extends Message<?>> messages;
    private final Map<Object, Rows> rows = new LinkedHashMap<>();
    private final Map<String, List<Object[]>> statements = new LinkedHashMap<>();
    private String readModel;

    ReadModelBatch(JdbcTemplate jdbc, boolean postgres, List<? extends Message<?>> messages) {
        this.jdbc = jdbc;
        this.postgres = postgres;
        this.messages = messages;
    }

    /** Every event of the batch, in order: what a read model reads its rows for, in one query, up front. */
    public List<? extends Message<?>> messages() {
        return messages;
    }

    /** The batch's rows of one table (named by {@code table}, any object that stands for it), made on first use. */
    @SuppressWarnings("unchecked")
    public <R extends Rows> R rows(Object table, Supplier<R> make) {
        Rows known = rows.get(table);
        if (known == null) {
            known = make.get();
            rows.put(table, known);
        }
        return (R) known;
    }

    /**
     * The batch's rows of a keyed table ({@link KeyedRows}), made on first use with the keys {@code keyOfPayload}
     * finds in the batch's events, read at once.
     */
    public <T> KeyedRows<T> keyed(KeyedRows.Table<T> table, Function<Object, String> keyOfPayload) {
        return rows(table, () -> new KeyedRows<>(jdbc, postgres, table, KeyedRows.keysIn(this, keyOfPayload)));
    }

    /** A statement to run when the batch is written, with the others of the same SQL text as one JDBC batch. */
    public void write(String sql, Object... args) {
        statements.computeIfAbsent(sql, key -> new ArrayList<>()).add(args);
    }

    /** Writes what the batch holds now: its rows' changes, then its statements. */
    public void flush() {
        rows.values().forEach(kind -> kind.writeTo(this));
        Map<String, List<Object[]>> pending = new LinkedHashMap<>(statements);
        statements.clear();
        pending.forEach((sql, args) -> {
            if (args.size() == 1) {
                jdbc.update(sql, args.get(0));
            } else {
                jdbc.batchUpdate(sql, args);
            }
        });
    }

    /**
     * Forgets everything held (rows and statements not written): after a savepoint was rolled back, or before a
     * handler changes the tables directly, the database is what holds.
     */
    public void discard() {
        rows.clear();
        statements.clear();
    }

    void belongsTo(String readModel) {
        if (this.readModel == null) {
            this.readModel = readModel;
        }
    }

    String readModel() {
        return readModel;
    }
}

package com.interactionledger.projections.support;

import com.interactionledger.ledger.stored.Placeholders;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Collection;
import java.util.List;

/**
 * The tables of one read model, where all of its SQL is: a customer's rows can be forgotten and rebuilt
 * ({@link CustomerRows}), and all of them are cleared when the read model's processor is reset.
 */
public abstract class ReadModelTables implements CustomerRows {

    protected final JdbcTemplate jdbc;
    private final String readModel;
    private final List<String> tables;

    /**
     * @param readModel the read model's processing group
     * @param tables    its tables, in the order they are cleared
     */
    protected ReadModelTables(JdbcTemplate jdbc, String readModel, String... tables) {
        this.jdbc = jdbc;
        this.readModel = readModel;
        this.tables = List.of(tables);
    }

    @Override
    public String readModel() {
        return readModel;
    }

    /**
     * Writes what the tables hold in memory for the current batch of events and forgets it, before the rows change
     * under it (a customer's rows made again, say). Nothing, for tables that write each change as it comes.
     */
    public void writeBatch() {
    }

    /** Deletes every row of the read model's tables; its processor then replays every event into them. */
    public void clear() {
        tables.forEach(table -> jdbc.update("DELETE FROM " + table));
    }

    /** Deletes the customer's rows of each of these tables, which name the customer in {@code customer_id}. */
    protected void deleteCustomer(String customerId, String... tables) {
        for (String table : tables) {
            jdbc.update("DELETE FROM " + table + " WHERE customer_id = ?", customerId);
        }
    }

    /** {@code DELETE FROM table WHERE column IN (streams)}, nothing when there are none. */
    protected void deleteWhereIn(String table, String column, Collection<String> streams) {
        if (!streams.isEmpty()) {
            jdbc.update("DELETE FROM " + table + " WHERE " + column + " IN ("
                    + Placeholders.of(streams.size()) + ")", streams.toArray());
        }
    }
}

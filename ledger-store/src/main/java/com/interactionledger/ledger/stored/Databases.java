package com.interactionledger.ledger.stored;

import org.postgresql.PGStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;

/** Which database a connection reaches, for the places that write their statements differently on PostgreSQL. */
public final class Databases {

    private Databases() {
    }

    /** Whether {@code connection} reaches PostgreSQL (H2, even in its PostgreSQL mode, is not). */
    public static boolean isPostgres(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        return product != null && product.toLowerCase(Locale.ROOT).contains("postgres");
    }

    /**
     * A statement PostgreSQL plans for the values it is given each time it runs, not once for all values.
     * <p>
     * Why: the driver makes a statement run often a named one, and the server soon keeps one generic plan for it. A
     * statement that looks keys up from an array (a batch's customers, a batch's rows of a read model) is first run
     * on a new ledger's empty tables, where reading the whole table is the cheapest plan; nothing makes the server
     * plan it again while its tables grow unless their statistics are refreshed (autovacuum's analyze, which some
     * installations turn off), so each batch came to read the whole table: an import's PostgreSQL spent most of its
     * time in three such statements, one of them under the chain's head lock. Planned for the array it is given, the
     * look-up takes the key's index however the table grew. Planning costs little beside a batch's work, so this is
     * for statements run once a batch, not once an event.
     */
    public static PreparedStatement plannedForItsValues(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        if (statement.isWrapperFor(PGStatement.class)) {
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
        return statement;
    }
}

package com.interactionledger.ledger.stored;

import java.sql.Connection;
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
}

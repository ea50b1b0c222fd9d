package com.interactionledger.replay;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs reads of the ledger in one read-only, repeatable-read transaction, rolled back afterwards, with the
 * connection's settings restored: the command side keeps appending while the tools read, and one snapshot makes
 * separate queries agree (events, links, index, digests). PostgreSQL also streams a cursor only inside a
 * transaction; otherwise it would load a whole result into memory.
 */
public final class ReadSnapshot {

    /** Reads done in the snapshot. */
    public interface Reads<T, E extends Exception> {
        T run() throws SQLException, E;
    }

    private ReadSnapshot() {
    }

    public static <T, E extends Exception> T read(Connection connection, Reads<T, E> reads) throws SQLException, E {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            return reads.run();
        } finally {
            connection.rollback();
            connection.setReadOnly(false);
            connection.setAutoCommit(autoCommit);
        }
    }
}

package com.interactionledger.projections.schema;

import org.flywaydb.core.Flyway;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

import javax.sql.DataSource;
import java.sql.DatabaseMetaData;

/**
 * Migrates the read-model schema (processor tokens, dead letters, read-model tables) with its own Flyway history
 * table. The ledger store has its own history table and migrations, so a query-side service and a command-side
 * service can each own their part of the database; in the all-in-one application both run, in either order.
 */
public class ReadModelSchema {

    public static final String HISTORY_TABLE = "flyway_projections_history";

    private final DataSource dataSource;

    public ReadModelSchema(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void migrate() {
        Flyway.configure()
                .dataSource(dataSource)
                .table(HISTORY_TABLE)
                // Migrations whose SQL is the same on both databases live in common/; the rest per vendor.
                .locations("classpath:db/projections/common", "classpath:db/projections/" + vendor(dataSource))
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }

    private static String vendor(DataSource dataSource) {
        try {
            String url = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getURL);
            return DatabaseDriver.fromJdbcUrl(url).getId();
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("cannot tell which database holds the read models", e);
        }
    }
}

package com.interactionledger.ledger.append;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A Java migration of the ledger store: it runs once, in Flyway's transaction, and has no checksum because what
 * it writes is defined by the stored events and the ledger's rules (the chain's arithmetic, the metadata's
 * customer), which never change.
 */
abstract class LedgerJavaMigration implements JavaMigration {

    static final int BATCH = 1_000;

    private final MigrationVersion version;
    private final String description;

    LedgerJavaMigration(String version, String description) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
    }

    @Override
    public MigrationVersion getVersion() {
        return version;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public final void migrate(Context context) {
        migrate(new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true)));
    }

    abstract void migrate(JdbcTemplate jdbc);
}

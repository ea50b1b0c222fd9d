package com.interactionledger.command.ledger;

import com.interactionledger.contracts.ledger.StoredEvent;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.util.List;

/**
 * Migration 8 of the ledger store: puts the events recorded before the customer index (migration 7) into it, in
 * global order, as the append path would have. It runs once, in Flyway's transaction; from then on the append path
 * indexes every event it stores.
 */
public class IndexEventsRecordedBeforeTheIndex implements JavaMigration {

    private static final int BATCH = 1_000;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("8");
    }

    @Override
    public String getDescription() {
        return "index events recorded before the customer index";
    }

    /** No checksum: what it writes is defined by the events' metadata, which never changes. */
    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) {
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
        LedgerChain chain = new LedgerChain(jdbc);
        CustomerIndex index = new CustomerIndex(jdbc);
        long after = 0;
        for (List<StoredEvent> batch = chain.storedAfter(after, BATCH); !batch.isEmpty();
             batch = chain.storedAfter(after, BATCH)) {
            index.index(batch);
            after = batch.get(batch.size() - 1).globalIndex();
        }
    }
}

package com.interactionledger.command.ledger;

import com.interactionledger.contracts.ledger.StoredEvent;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.util.List;

/**
 * Migration 6 of the ledger store: links the events recorded before the hash chain existed (migration 4), in
 * global order, exactly as the append path would have. It runs once, in Flyway's transaction; from then on only the
 * append path links, so a row slipped into the event table later stays unlinked and {@code verify} finds it.
 */
public class LinkEventsRecordedBeforeTheChain implements JavaMigration {

    private static final int BATCH = 1_000;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("6");
    }

    @Override
    public String getDescription() {
        return "link events recorded before the chain";
    }

    /** No checksum: the migration's effect is defined by the chain's arithmetic, which never changes. */
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
        LedgerChain.Head head = chain.lockHead();
        for (List<StoredEvent> batch = chain.storedAfter(head.globalIndex(), BATCH); !batch.isEmpty();
             batch = chain.storedAfter(head.globalIndex(), BATCH)) {
            head = chain.link(head, batch);
        }
    }
}

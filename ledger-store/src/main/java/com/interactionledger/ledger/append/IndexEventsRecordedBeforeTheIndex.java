package com.interactionledger.ledger.append;

import com.interactionledger.ledger.stored.StoredEvent;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * Migration 8 of the ledger store: puts the events recorded before the customer index (migration 7) into it, in
 * global order, as the append path would have; from then on the append path indexes every event it stores.
 */
public class IndexEventsRecordedBeforeTheIndex extends LedgerJavaMigration {

    public IndexEventsRecordedBeforeTheIndex() {
        super("8", "index events recorded before the customer index");
    }

    @Override
    void migrate(JdbcTemplate jdbc) {
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

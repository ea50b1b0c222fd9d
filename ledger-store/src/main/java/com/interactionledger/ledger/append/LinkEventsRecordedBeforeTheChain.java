package com.interactionledger.ledger.append;

import com.interactionledger.ledger.stored.StoredEvent;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * Migration 6 of the ledger store: links the events recorded before the hash chain existed (migration 4), in
 * global order, exactly as the append path would have. From then on only the append path links, so a row slipped
 * into the event table later stays unlinked and {@code verify} finds it.
 */
public class LinkEventsRecordedBeforeTheChain extends LedgerJavaMigration {

    public LinkEventsRecordedBeforeTheChain() {
        super("6", "link events recorded before the chain");
    }

    @Override
    void migrate(JdbcTemplate jdbc) {
        LedgerChain chain = new LedgerChain(jdbc);
        LedgerChain.Head head = chain.lockHead();
        for (List<StoredEvent> batch = chain.storedAfter(head.globalIndex(), BATCH); !batch.isEmpty();
             batch = chain.storedAfter(head.globalIndex(), BATCH)) {
            head = chain.link(head, batch);
        }
    }
}

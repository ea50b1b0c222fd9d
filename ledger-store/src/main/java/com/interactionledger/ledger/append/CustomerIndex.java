package com.interactionledger.ledger.append;

import com.interactionledger.ledger.stored.StoredEvent;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * Writes the customer index ({@code ledger_customer_event}): for each stored event whose metadata names a customer,
 * the customer and the event's position. Used by the append path inside each append's transaction, and once by
 * the migration that indexes the events recorded before the index existed.
 */
public class CustomerIndex {

    private final JdbcTemplate jdbc;

    public CustomerIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void index(List<StoredEvent> events) {
        List<Object[]> rows = events.stream()
                .filter(event -> event.customerId() != null)
                .map(event -> new Object[] {event.customerId(), event.globalIndex()})
                .toList();
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO ledger_customer_event (customer_id, globalindex) VALUES (?, ?)", rows);
        }
    }
}

package com.interactionledger.ledger.append;

import com.interactionledger.ledger.stored.Placeholders;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Whether a customer's processing is restricted (GDPR Art. 18, PIPL Art. 47), as the ledger itself knows it: the
 * table {@code ledger_customer_restriction}, written by the append path ({@link GroupCommit}) in the very transaction
 * that stores a {@code CustomerRestricted} or {@code CustomerRestrictionLifted} event. So a restriction holds from
 * the moment its command is answered, on every instance sharing the database, whatever the read models' processors
 * have applied yet. The events remain the source of truth: the table is only ever written from them (the append path,
 * and the migration that created it from the events stored before it), one row per customer, the latest decision
 * and its global position. No cache: every check is one lookup by primary key.
 */
public class CustomerRestrictions {

    private final JdbcTemplate jdbc;

    public CustomerRestrictions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Of these customers (ids), those whose processing is restricted now. */
    public Set<String> restricted(Collection<String> customers) {
        Set<String> ids = new LinkedHashSet<>(customers);
        if (ids.isEmpty()) {
            return Set.of();
        }
        Set<String> restricted = new HashSet<>();
        jdbc.query("SELECT customer_id FROM ledger_customer_restriction WHERE restricted AND customer_id IN ("
                        + Placeholders.of(ids.size()) + ")",
                rs -> {
                    restricted.add(rs.getString(1));
                }, ids.toArray());
        return restricted;
    }

    /**
     * Records a restriction or its lifting, in the caller's transaction (the batch's, under the chain's head lock, so
     * no other writer changes the row meanwhile).
     */
    static void record(JdbcTemplate jdbc, String customerId, boolean restricted, long position) {
        int updated = jdbc.update("UPDATE ledger_customer_restriction SET restricted = ?, position = ?"
                + " WHERE customer_id = ?", restricted, position, customerId);
        if (updated == 0) {
            jdbc.update("INSERT INTO ledger_customer_restriction (customer_id, restricted, position) VALUES (?, ?, ?)",
                    customerId, restricted, position);
        }
    }
}

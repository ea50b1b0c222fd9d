package com.interactionledger.projections.support;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Collection;
import java.util.Collections;

/**
 * The rows of one read model that come from one customer's events, so they can be forgotten and rebuilt from those
 * events alone ({@code replay-tools rebuild NAME --customer ID}). Every read model keys its rows by customer,
 * session or complaint, and a customer's sessions and complaints are the streams of their events.
 */
public interface CustomerRows {

    /** The processing group of the read model. */
    String readModel();

    /**
     * Deletes the customer's rows.
     *
     * @param customerId the customer
     * @param streams    the aggregate identifiers of the customer's events (sessions, complaints, records)
     */
    void forget(String customerId, Collection<String> streams);

    /** {@code DELETE FROM table WHERE column IN (streams)}, nothing when there are none. */
    static void deleteWhereIn(JdbcTemplate jdbc, String table, String column, Collection<String> streams) {
        if (!streams.isEmpty()) {
            jdbc.update("DELETE FROM " + table + " WHERE " + column + " IN ("
                    + String.join(", ", Collections.nCopies(streams.size(), "?")) + ")", streams.toArray());
        }
    }
}

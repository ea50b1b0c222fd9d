package com.interactionledger.projections.support;

import java.util.Collection;

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
}

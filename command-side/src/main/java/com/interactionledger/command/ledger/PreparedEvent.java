package com.interactionledger.command.ledger;

import com.interactionledger.contracts.ledger.StoredEvent;
import org.axonframework.eventhandling.EventMessage;

/**
 * An event made ready to be stored before the chain's head lock is taken: its row exactly as it will be stored but
 * for its global position, the digest the chain covers, and its stream hash (which does not depend on the position).
 * Under the lock only the position and the chain hash remain to be worked out.
 *
 * @param message           the event as appended, its metadata stamped with its customer
 * @param row               the stored form; its global index is not known yet (0)
 * @param digest            {@link StoredEvent#digest()} of the row
 * @param streamHash        the link of the event in its stream (session, complaint)
 * @param customerId        the customer the event belongs to, or null (a refusal naming no known customer)
 * @param needsLiveCustomer whether the event may not be stored once its customer is erased (an interaction, or
 *                          sealed personal data)
 */
record PreparedEvent(EventMessage<?> message, StoredEvent row, String digest, String streamHash, String customerId,
                     boolean needsLiveCustomer) {
}

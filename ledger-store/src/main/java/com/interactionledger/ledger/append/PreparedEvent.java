package com.interactionledger.ledger.append;

import com.interactionledger.ledger.stored.StoredEvent;
import org.axonframework.eventhandling.EventMessage;

/**
 * An event made ready to be stored before the chain's head lock is taken: serialised (its personal fields sealed),
 * with the link its stream continues from. Under the lock remain its recorded time, position, digest and hashes.
 *
 * @param message            the event as appended, its metadata stamped with its customer
 * @param row                the stored form but for its position and recorded time (0 and null until stored)
 * @param previousStreamHash the stream hash this event's stream link continues from; null when the event before it
 *                           in its stream is in the same append (then that one's)
 * @param customerId         the customer the event belongs to, or null (a refusal naming no known customer)
 * @param needsLiveCustomer  whether the event may not be stored once its customer is erased (an interaction, or
 *                           sealed personal data)
 */
record PreparedEvent(EventMessage<?> message, StoredEvent row, String previousStreamHash, String customerId,
                     boolean needsLiveCustomer) {
}

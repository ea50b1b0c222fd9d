package com.interactionledger.ledger.append;

/**
 * One event a command appended: enough for a client to refer to it (its id), to know where its session or
 * complaint now stands (its sequence number), what happened (its type) and where it is in the ledger (its global
 * position, which a read can wait for: read-your-writes).
 */
public record AppendedEvent(String eventId, String type, String aggregateId, long sequenceNumber, long position) {
}

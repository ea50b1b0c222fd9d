package com.interactionledger.contracts.ledger;

import com.interactionledger.contracts.common.LedgerMetadata;

/**
 * One row of the event table exactly as stored: the fields the hash chain covers. Payload and metadata are the
 * stored bytes (JSON today, ciphertext once personal fields are encrypted), so the chain still verifies after a
 * customer's key is shredded.
 */
public record StoredEvent(
        long globalIndex,
        String aggregateIdentifier,
        long sequenceNumber,
        String type,
        String eventIdentifier,
        byte[] metadata,
        byte[] payload,
        String payloadRevision,
        String payloadType,
        String timestamp
) {

    /** The digest of this event's content, without its position (see {@link LedgerHash#eventDigest}). */
    public String digest() {
        return LedgerHash.eventDigest(this);
    }

    /** The customer the event belongs to, from its stored metadata; null when it names none. */
    public String customerId() {
        return LedgerMetadata.customerIdIn(metadata);
    }
}

package com.interactionledger.ledger.stored;

import com.interactionledger.contracts.common.LedgerMetadata;

import java.sql.ResultSet;
import java.sql.SQLException;

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

    /** The columns of {@code domainevententry} a stored event is read from, for a SELECT list. */
    public static final String COLUMNS = "globalindex, aggregateidentifier, sequencenumber, type, eventidentifier,"
            + " metadata, payload, payloadrevision, payloadtype, timestamp";

    /** Reads the current row of a result selecting {@link #COLUMNS}. */
    public static StoredEvent read(ResultSet row) throws SQLException {
        return new StoredEvent(row.getLong("globalindex"), row.getString("aggregateidentifier"),
                row.getLong("sequencenumber"), row.getString("type"), row.getString("eventidentifier"),
                row.getBytes("metadata"), row.getBytes("payload"), row.getString("payloadrevision"),
                row.getString("payloadtype"), row.getString("timestamp"));
    }

    /** The digest of this event's content, without its position (see {@link LedgerHash#eventDigest}). */
    public String digest() {
        return LedgerHash.eventDigest(this);
    }

    /** The customer the event belongs to, from its stored metadata; null when it names none. */
    public String customerId() {
        return LedgerMetadata.customerIdIn(metadata);
    }
}

package com.interactionledger.projections.history;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.interactionledger.contracts.privacy.PersonalDataSerializer;

import java.time.Instant;

/**
 * One event of a customer's history as stored, with its place in the hash chain.
 *
 * @param position        global position
 * @param recordedAt      when the ledger recorded it (the event's timestamp)
 * @param stream          the session, complaint or record it belongs to (aggregate identifier)
 * @param sequenceNumber  its place in that stream
 * @param type            simple name of the event (e.g. {@code MessageRecorded})
 * @param payloadType     fully qualified stored type
 * @param revision        stored payload revision
 * @param eventId         event identifier
 * @param metadata        stored metadata (actor, channel, flow, customer)
 * @param payload         stored payload
 * @param eventDigest     the digest the chain links (null when the event has no link: verify reports it)
 * @param chainHash       the chain hash at this position (null likewise)
 */
@JsonPropertyOrder({"position", "recordedAt", "stream", "sequenceNumber", "type", "payloadType", "revision", "eventId",
        "metadata", "payload", "eventDigest", "chainHash"})
public record HistoryEvent(long position, Instant recordedAt, String stream, long sequenceNumber, String type,
                           String payloadType, String revision, String eventId, JsonNode metadata, JsonNode payload,
                           String eventDigest, String chainHash) {

    /**
     * The event with its personal fields in clear (or {@code [erased]}), as a regulator reads it. Its digest and
     * chain hash stay those of the stored, sealed bytes, which {@code replay-tools verify} checks against the store.
     */
    public HistoryEvent opened(PersonalDataSerializer personalData) {
        return payload == null ? this : new HistoryEvent(position, recordedAt, stream, sequenceNumber, type,
                payloadType, revision, eventId, metadata, personalData.open(payloadType, payload.deepCopy()),
                eventDigest, chainHash);
    }
}

package com.interactionledger.projections.history;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.interactionledger.ledger.sealing.PersonalDataSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
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

    /** Stored JSON as a tree that writes back the same numbers (0.80 stays 0.80). */
    private static final ObjectMapper TREES = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    /**
     * A stored row as a history event: its simple type from the stored one, its stored metadata and payload (bytes,
     * or null) read as JSON trees that keep every number exactly as stored.
     */
    public static HistoryEvent stored(long position, Instant recordedAt, String stream, long sequenceNumber,
                                      String payloadType, String revision, String eventId, byte[] metadata,
                                      byte[] payload, String eventDigest, String chainHash) {
        return new HistoryEvent(position, recordedAt, stream, sequenceNumber,
                payloadType.substring(payloadType.lastIndexOf('.') + 1), payloadType, revision, eventId,
                tree(eventId, metadata), tree(eventId, payload), eventDigest, chainHash);
    }

    private static JsonNode tree(String eventId, byte[] json) {
        if (json == null) {
            return null;
        }
        try {
            return TREES.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("stored event " + eventId + " is not JSON (replay-tools verify will say"
                    + " more)", e);
        }
    }

    /**
     * When it happened: the payload's {@code occurredAt} (an imported record's is its source's time), or, for an
     * event that names none, when it was recorded.
     */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public Instant validAt() {
        JsonNode occurredAt = payload == null ? null : payload.get("occurredAt");
        return occurredAt != null && occurredAt.isTextual() ? Instant.parse(occurredAt.textValue()) : recordedAt;
    }

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

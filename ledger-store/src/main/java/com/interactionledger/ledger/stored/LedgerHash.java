package com.interactionledger.ledger.stored;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain's arithmetic, in one place for the writer (the append path) and every verifier. Written so that a
 * regulator can re-implement it from this description alone (docs/REGULATORS.md repeats it):
 * <ul>
 *   <li><b>event digest</b> = SHA-256 of the tag {@code interaction-ledger/event/v1} followed by, in this order,
 *       the aggregate identifier, sequence number, type, event identifier, payload type, payload revision,
 *       timestamp, metadata bytes and payload bytes, each as a 4-byte big-endian length and its bytes (strings in
 *       UTF-8, numbers as decimal strings; an absent value has the length -1 and no bytes);</li>
 *   <li><b>chain hash</b> of the event at global position p = SHA-256(previous chain hash (32 bytes) ‖ p as an
 *       8-byte big-endian number ‖ event digest (32 bytes)); the previous chain hash is that of the event before
 *       it in global order, or 32 zero bytes for the first event;</li>
 *   <li><b>stream hash</b> of the event with sequence number n in its stream (session, complaint) = SHA-256
 *       (previous stream hash ‖ n as 8 bytes ‖ event digest), from 32 zero bytes for n = 0.</li>
 * </ul>
 * Hashes are written as 64 lowercase hex digits.
 */
public final class LedgerHash {

    /** The previous hash of the first event of the ledger and of every stream. */
    public static final String GENESIS = "0".repeat(64);

    /** The tag that opens every event digest, naming this way of hashing; exports name it too. */
    public static final String EVENT_FORMAT = "interaction-ledger/event/v1";

    private static final byte[] EVENT_TAG = EVENT_FORMAT.getBytes(StandardCharsets.UTF_8);
    private static final HexFormat HEX = HexFormat.of();

    private LedgerHash() {
    }

    public static String eventDigest(StoredEvent event) {
        ByteArrayOutputStream content = new ByteArrayOutputStream(
                256 + length(event.metadata()) + length(event.payload()));
        content.writeBytes(EVENT_TAG);
        field(content, utf8(event.aggregateIdentifier()));
        field(content, utf8(Long.toString(event.sequenceNumber())));
        field(content, utf8(event.type()));
        field(content, utf8(event.eventIdentifier()));
        field(content, utf8(event.payloadType()));
        field(content, utf8(event.payloadRevision()));
        field(content, utf8(event.timestamp()));
        field(content, event.metadata());
        field(content, event.payload());
        return HEX.formatHex(sha256(content.toByteArray()));
    }

    public static String chainHash(String previousChainHash, long globalIndex, String eventDigest) {
        return link(previousChainHash, globalIndex, eventDigest);
    }

    public static String streamHash(String previousStreamHash, long sequenceNumber, String eventDigest) {
        return link(previousStreamHash, sequenceNumber, eventDigest);
    }

    private static String link(String previous, long position, String digest) {
        ByteBuffer content = ByteBuffer.allocate(32 + 8 + 32);
        content.put(HEX.parseHex(previous)).putLong(position).put(HEX.parseHex(digest));
        return HEX.formatHex(sha256(content.array()));
    }

    private static void field(ByteArrayOutputStream content, byte[] value) {
        content.writeBytes(ByteBuffer.allocate(4).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            content.writeBytes(value);
        }
    }

    private static byte[] utf8(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    private static int length(byte[] value) {
        return value == null ? 0 : value.length;
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

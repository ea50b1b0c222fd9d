package com.interactionledger.ledger.stored;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Known answers for the chain's arithmetic, computed outside Java (Python's hashlib, following only the description
 * in {@link LedgerHash} and docs/REGULATORS.md): proof that a regulator can re-implement the verification from the
 * text.
 * <pre>
 * def f(b): return struct.pack('>i', -1) if b is None else struct.pack('>i', len(b)) + b
 * digest = sha256(b'interaction-ledger/event/v1' + f(b's-1') + f(b'0') + f(b'InteractionSession') + f(b'e-1')
 *                 + f(b'com.example.SessionStarted') + f(None) + f(b'2026-11-23T09:00:00Z') + f(meta) + f(payload))
 * chain  = sha256(bytes(32) + struct.pack('>q', 7) + digest)
 * stream = sha256(bytes(32) + struct.pack('>q', 0) + digest)
 * </pre>
 */
class LedgerHashTest {

    private static final StoredEvent EVENT = new StoredEvent(7, "s-1", 0, "InteractionSession", "e-1",
            "{\"customerId\":\"c-1\"}".getBytes(StandardCharsets.UTF_8),
            "{\"sessionId\":\"s-1\",\"text\":\"Bonjour à vous\"}".getBytes(StandardCharsets.UTF_8),
            null, "com.example.SessionStarted", "2026-11-23T09:00:00Z");
    private static final String DIGEST = "b875cb16ffbf4c712122a8ef302f5be5d0aa4285c49d9ef8f4dd7e3c85ce8883";

    @Test
    void theEventDigestCoversEveryStoredFieldAsDescribed() {
        assertThat(EVENT.digest()).isEqualTo(DIGEST);
    }

    @Test
    void chainAndStreamHashesLinkTheDigestToItsPredecessor() {
        String chain = LedgerHash.chainHash(LedgerHash.GENESIS, 7, DIGEST);
        assertThat(chain).isEqualTo("08854bd72e3f719dc5482406ac8c439037b49a5e3b2cf3717b261c7a360c5fab");
        assertThat(LedgerHash.streamHash(LedgerHash.GENESIS, 0, DIGEST))
                .isEqualTo("843d3b5e4f1790c6971cbd3ae46aea3264fcdccb78b2cab0a96f4b8db94c2777");
        assertThat(LedgerHash.chainHash(chain, 9, DIGEST))
                .isEqualTo("e3d1d16b1b68501434338004994cdf8aab3d40b8ae83e0d1b334cf699689afce");
    }

    @Test
    void everyFieldAndItsBoundaryChangesTheDigest() {
        byte[] metadata = EVENT.metadata();
        byte[] payload = EVENT.payload();
        assertThat(new StoredEvent(7, "s-1", 1, "InteractionSession", "e-1", metadata, payload, null,
                "com.example.SessionStarted", "2026-11-23T09:00:00Z").digest()).isNotEqualTo(DIGEST);
        assertThat(new StoredEvent(7, "s-1", 0, "InteractionSession", "e-1", metadata, payload, "1",
                "com.example.SessionStarted", "2026-11-23T09:00:00Z").digest()).as("absent is not empty").isNotEqualTo(DIGEST);
        assertThat(new StoredEvent(7, "s-1", 0, "InteractionSession", "e-1", metadata, payload, "",
                "com.example.SessionStarted", "2026-11-23T09:00:00Z").digest())
                .isNotEqualTo(new StoredEvent(7, "s-1", 0, "InteractionSession", "e-1", metadata, payload, null,
                        "com.example.SessionStarted", "2026-11-23T09:00:00Z").digest());
        // Length prefixes keep a byte moving from one field to the next from producing the same digest.
        assertThat(new StoredEvent(7, "s-", 0, "1InteractionSession", "e-1", metadata, payload, null,
                "com.example.SessionStarted", "2026-11-23T09:00:00Z").digest()).isNotEqualTo(DIGEST);
        assertThat(new StoredEvent(8, "s-1", 0, "InteractionSession", "e-1", metadata, payload, null,
                "com.example.SessionStarted", "2026-11-23T09:00:00Z").digest())
                .as("the position is linked by the chain hash, not the digest").isEqualTo(DIGEST);
    }
}

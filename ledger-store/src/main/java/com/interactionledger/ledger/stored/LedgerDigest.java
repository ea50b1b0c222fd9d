package com.interactionledger.ledger.stored;

import java.time.Instant;

/**
 * A digest of the hash chain: the chain hash at a global position and how many events the chain links up to and
 * including it. The ledger records one from time to time; a regulator exports them (one JSON object per line) and
 * keeps them, and {@code replay-tools verify --digests} proves the chain still passes through every one.
 *
 * @param position   global position of the last event the digest covers
 * @param chainHash  the chain hash of that event (64 lowercase hex digits)
 * @param events     number of events linked up to and including {@code position}
 * @param recordedAt when the ledger recorded the digest (for the head exported on demand: that event's timestamp)
 */
public record LedgerDigest(long position, String chainHash, long events, Instant recordedAt) {
}

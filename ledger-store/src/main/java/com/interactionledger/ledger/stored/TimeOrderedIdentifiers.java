package com.interactionledger.ledger.stored;

import org.axonframework.common.IdentifierFactory;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The identifiers of the ledger's messages — events, commands, queries — as time-ordered UUIDs (version 7, RFC 9562:
 * 48 bits of Unix milliseconds, then 74 random bits), found by Axon through {@code META-INF/services}.
 * <p>
 * Why: identifiers are unique keys of the store and of the read models (an event's identifier in
 * {@code domainevententry} and the audit trail, a command's in {@code audit_command}). Axon's default, a random UUID,
 * puts each new key on a random page of its index, so every page of the index is written all the time: once such an
 * index outgrows the database's memory (at ten million events each is some 700 MB), each append reads a page
 * back and writes another out. A time-ordered key goes where the last ones went: the index's working set is its last
 * few pages, however large the ledger grows. (On the command benchmark's few hundred thousand events, whose indexes
 * still fit in memory, it measured no different.)
 * <p>
 * Uniqueness, not secrecy: an identifier grants nothing, and the random bits only keep two identifiers of the same
 * millisecond apart (drawn per thread, without the lock of the shared secure generator {@code randomUUID} takes);
 * the store's unique keys refuse a repeat all the same. Identifiers are made where messages are made, never by a
 * replay (which reads them back), so read models stay the same whatever the clock says.
 */
public final class TimeOrderedIdentifiers extends IdentifierFactory {

    @Override
    public String generateIdentifier() {
        return next(System.currentTimeMillis()).toString();
    }

    /** A version 7 UUID of this Unix millisecond. */
    static UUID next(long unixMillis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (unixMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}

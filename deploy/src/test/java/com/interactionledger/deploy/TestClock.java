package com.interactionledger.deploy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The edge's clock in the end-to-end tests: it starts at a known instant and moves forward by a millisecond at
 * every reading, so times recorded by consecutive commands are distinct and ordered, due dates are predictable,
 * and a test can jump days ahead to make a deadline pass.
 */
public final class TestClock extends Clock {

    public static final Instant START = Instant.parse("2026-11-23T10:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(START);

    @Override
    public Instant instant() {
        return now.getAndUpdate(instant -> instant.plusMillis(1));
    }

    /** Moves the clock forward (never back: the ledger's times only move forward). */
    public void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the ledger works in UTC instants");
    }
}

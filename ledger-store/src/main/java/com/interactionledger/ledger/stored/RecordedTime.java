package com.interactionledger.ledger.stored;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * When the ledger recorded an event: the time the batch that stored it took the chain's head, in milliseconds, never
 * before the batch stored before it (so recorded times rise with global positions, across instances whose clocks
 * differ a little). Stored as the event table's {@code timestamp}, always in one fixed-width form
 * ({@code 2026-12-07T10:15:30.123Z}), so that the text sorts as the times do and an index on it finds "the ledger as
 * it stood at T" without reading every event. (When an event happened is its own business: its {@code occurredAt}.)
 */
public final class RecordedTime {

    /** Year, month, day, hours, minutes, seconds and milliseconds, always all of them, in UTC: Axon's stored form. */
    private static final DateTimeFormatter FORM = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private RecordedTime() {
    }

    /** The recorded time of a batch that takes the head now, after one recorded at {@code previous} (may be null). */
    public static Instant next(Instant now, Instant previous) {
        Instant candidate = now.truncatedTo(ChronoUnit.MILLIS);
        return previous != null && previous.isAfter(candidate) ? previous : candidate;
    }

    /** The stored form. */
    public static String format(Instant instant) {
        return FORM.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** A stored time (in the fixed form, or any ISO-8601 instant stored before it); null stays null. */
    public static Instant parse(String stored) {
        return stored == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(stored, Instant::from);
    }

    /** Whether a stored time is in the fixed form (and so sorts as text with the others). */
    public static boolean isCanonical(String stored) {
        return stored != null && stored.equals(format(parse(stored)));
    }
}

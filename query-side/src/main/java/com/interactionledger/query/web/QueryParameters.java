package com.interactionledger.query.web;

import com.interactionledger.contracts.dialogue.SessionId;
import com.interactionledger.contracts.timeline.TimelineCursor;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/**
 * Parsing of the read API's query parameters, each failure a 400 {@code INVALID_PARAMETER} naming the parameter.
 * Paging cursors are opaque to clients (base64url of a keyset position), so the paging scheme can change without
 * breaking them.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** A keyset position: the sort instant and the id of the last item of a page. */
    public record Keyset(Instant at, String id) {
    }

    /** A time window, either end optional. */
    public record Window(Instant from, Instant to) {
    }

    public static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidQueryParameterException(name, "must be an ISO-8601 instant such as 2026-01-31T09:00:00Z");
        }
    }

    /** An instant, or now (from the given clock) when absent. */
    public static Instant instant(String name, String value, Clock now) {
        Instant instant = instant(name, value);
        return instant == null ? now.instant() : instant;
    }

    public static Duration duration(String name, String value, Duration fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            Duration duration = Duration.parse(value);
            if (!duration.isNegative() && !duration.isZero()) {
                return duration;
            }
        } catch (DateTimeParseException e) {
            // falls through to the refusal below
        }
        throw new InvalidQueryParameterException(name, "must be a positive ISO-8601 duration such as P2D or PT12H");
    }

    /** A whole number from {@code min} to {@code max}, or {@code fallback} when absent. */
    public static int integer(String name, String value, int fallback, int min, int max) {
        Long parsed = longInteger(name, value, min, max);
        return parsed == null ? fallback : parsed.intValue();
    }

    /**
     * A whole number of 64 bits: ledger positions are ({@code BIGINT} in the store), and a ledger that outgrows an
     * {@code int} must not see its positions refused or wrapped.
     */
    public static Long longInteger(String name, String value, long min, long max) {
        if (value == null) {
            return null;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal below
        }
        throw new InvalidQueryParameterException(name, "must be a whole number from " + min + " to " + max);
    }

    /** {@code true}, {@code false} or absent (null). */
    public static Boolean bool(String name, String value) {
        if (value == null) {
            return null;
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.valueOf(value);
        }
        throw new InvalidQueryParameterException(name, "must be true or false");
    }

    public static <E extends Enum<E>> E enumeration(String name, String value, Class<E> type) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryParameterException(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** The {@code from} and {@code to} parameters: either may be absent; both given, {@code from} is before {@code to}. */
    public static Window window(String from, String to) {
        Window window = new Window(instant("from", from), instant("to", to));
        if (window.from() != null && window.to() != null && !window.from().isBefore(window.to())) {
            throw new InvalidQueryParameterException("from", "must be before to");
        }
        return window;
    }

    public static String encodeCursor(Instant at, String id) {
        String plain = at + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** A cursor after a sequence number (a session's entries are ordered by theirs alone). */
    public static String encodeSequenceCursor(long sequence) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("seq|" + sequence).getBytes(StandardCharsets.UTF_8));
    }

    public static Long decodeSequenceCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (plain.startsWith("seq|")) {
                long sequence = Long.parseLong(plain.substring(4));
                if (sequence >= 0) {
                    return sequence;
                }
            }
        } catch (RuntimeException e) {
            // falls through to the refusal below
        }
        throw new InvalidQueryParameterException("cursor", "is not a cursor this API issued");
    }

    public static Keyset decodeCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = plain.indexOf('|');
            return new Keyset(Instant.parse(plain.substring(0, bar)), plain.substring(bar + 1));
        } catch (RuntimeException e) {
            throw new InvalidQueryParameterException("cursor", "is not a cursor this API issued");
        }
    }

    /** A cursor after a session, in the order of session starts (timelines, journeys); null: from the start. */
    public static TimelineCursor sessionCursor(String cursor) {
        Keyset after = decodeCursor(cursor);
        return after == null ? null : new TimelineCursor(after.at(), new SessionId(after.id()));
    }

    /** The cursor a page after this session hands out; null on the last page. */
    public static String encodeSessionCursor(TimelineCursor next) {
        return next == null ? null : encodeCursor(next.startedAt(), next.sessionId().value());
    }
}

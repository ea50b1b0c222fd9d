package com.interactionledger.command.complaint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.interactionledger.contracts.common.LedgerSerialization;
import com.interactionledger.contracts.complaint.CalendarVersion;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which days are business days in one jurisdiction: weekends, public holidays, and weekend days worked in exchange
 * for a longer holiday (as in mainland China). A calendar knows the years it covers; outside them only weekends
 * are known, and the clocks computed there are marked provisional and say so in their basis rather than pretend.
 * {@code version} is the file's own label (optional); {@link #calendarVersion()} adds a digest of the days, which
 * is what tells two calendars apart even when someone forgot to change the label.
 */
public record BusinessCalendar(
        String name,
        String version,
        ZoneId zone,
        String source,
        LocalDate coveredFrom,
        LocalDate coveredUntil,
        Set<DayOfWeek> weekend,
        Set<LocalDate> holidays,
        Set<LocalDate> workingDays
) {

    private static final ObjectMapper JSON = LedgerSerialization.objectMapper();

    public BusinessCalendar {
        if (name == null || zone == null || coveredFrom == null || coveredUntil == null || weekend == null) {
            throw new IllegalArgumentException("a business calendar needs name, zone, coveredFrom, coveredUntil and"
                    + " weekend");
        }
        holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
        workingDays = workingDays == null ? Set.of() : Set.copyOf(workingDays);
        weekend = Set.copyOf(weekend);
    }

    public static BusinessCalendar read(InputStream json) throws IOException {
        return JSON.readValue(json, BusinessCalendar.class);
    }

    /** Which calendar this is, as a complaint's clocks record it. */
    public CalendarVersion calendarVersion() {
        return new CalendarVersion(name, version, coveredUntil, digest());
    }

    /**
     * The SHA-256 of the days in a fixed order (never of the file, whose spacing and order mean nothing), so the
     * same calendar gives the same digest on every instance and a changed day changes it.
     */
    String digest() {
        String days = String.join("\n", zone.getId(), coveredFrom.toString(), coveredUntil.toString(),
                new TreeSet<>(weekend).toString(), new TreeSet<>(holidays).toString(),
                new TreeSet<>(workingDays).toString());
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(days.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public boolean isBusinessDay(LocalDate date) {
        if (workingDays.contains(date)) {
            return true;
        }
        return !weekend.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(coveredFrom) && !date.isAfter(coveredUntil);
    }

    /** The local date on which {@code instant} falls in this calendar's time zone. */
    public LocalDate dateOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /** The instant {@code date} ends (the first instant of the next day), in this calendar's time zone. */
    public Instant endOf(LocalDate date) {
        return date.plusDays(1).atStartOfDay(zone).toInstant();
    }
}

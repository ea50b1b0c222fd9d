package com.interactionledger.command.complaint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.interactionledger.contracts.common.LedgerSerialization;

import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/**
 * Which days are business days in one jurisdiction: weekends, public holidays, and weekend days worked in exchange
 * for a longer holiday (as in mainland China). A calendar knows the years it covers; outside them only weekends
 * are known, and the clocks say so in their basis rather than pretend.
 */
public record BusinessCalendar(
        String name,
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
        holidays = Set.copyOf(holidays);
        workingDays = Set.copyOf(workingDays);
        weekend = Set.copyOf(weekend);
    }

    public static BusinessCalendar read(InputStream json) throws IOException {
        return JSON.readValue(json, BusinessCalendar.class);
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

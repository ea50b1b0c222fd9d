package com.interactionledger.projections.support;

import com.interactionledger.contracts.analytics.Timing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.List;

/**
 * The arithmetic every read model's figures share, in one place so that a rate, a percentile or a period means the
 * same in the service figures, the complaint figures, the bot's figures and the journeys: a rate is null when there
 * is nothing to divide by; percentiles are by nearest rank; periods are UTC calendar days, ISO weeks and months.
 */
public final class FigureArithmetic {

    private FigureArithmetic() {
    }

    /** {@code part / whole}, or null when {@code whole} is 0 (a figure with nothing to divide by is not 0). */
    public static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    /** The nearest-rank percentile of sorted values: the smallest with at least {@code percent}% at or below it. */
    public static <T> T percentile(List<T> sorted, int percent) {
        return sorted.get((int) Math.ceil(percent / 100.0 * sorted.size()) - 1);
    }

    /** A duration's average, p50 and p90 over sorted seconds; measured 0 and no figures when there are none. */
    public static Timing timing(List<Double> sortedSeconds) {
        if (sortedSeconds.isEmpty()) {
            return new Timing(0, null, null, null);
        }
        return new Timing(sortedSeconds.size(),
                sortedSeconds.stream().mapToDouble(Double::doubleValue).average().orElseThrow(),
                percentile(sortedSeconds, 50), percentile(sortedSeconds, 90));
    }

    /** The UTC day of an instant, {@code 2026-05-04}. */
    public static String day(Instant instant) {
        return date(instant).toString();
    }

    /** The ISO week of an instant (UTC), {@code 2026-W19}. */
    public static String week(Instant instant) {
        LocalDate date = date(instant);
        return String.format("%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR),
                date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The UTC month of an instant, {@code 2026-05}. */
    public static String month(Instant instant) {
        return date(instant).toString().substring(0, 7);
    }

    private static LocalDate date(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate();
    }
}

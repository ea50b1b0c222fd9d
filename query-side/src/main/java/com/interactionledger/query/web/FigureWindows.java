package com.interactionledger.query.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The time window a figure is computed over ({@code from}, {@code to}) is at most {@code ledger.query.max-figure-window}
 * long (default {@value #DEFAULT}: a year of reports, leap day included). A figure is computed over every row its
 * window selects, so the window is what bounds the work of one request; lists need no such bound, they page.
 * <ul>
 *   <li>Both ends given: at most that far apart, or 400 {@code INVALID_PARAMETER}.</li>
 *   <li>One end given: the other is the maximum span away from it.</li>
 *   <li>Neither: the maximum span up to now (the query side's clock).</li>
 * </ul>
 */
@Component
public class FigureWindows {

    static final String DEFAULT = "P366D";

    private final Duration max;
    private final Clock clock;

    public FigureWindows(@Value("${ledger.query.max-figure-window:" + DEFAULT + "}") Duration max, Clock clock) {
        if (max.isNegative() || max.isZero()) {
            throw new IllegalArgumentException("ledger.query.max-figure-window must be a positive duration");
        }
        this.max = max;
        this.clock = clock;
    }

    /** The window of a figure, from the {@code from} and {@code to} parameters, both ends filled in. */
    public QueryParameters.Window of(String from, String to) {
        QueryParameters.Window asked = QueryParameters.window(from, to);
        Instant start = asked.from();
        Instant end = asked.to();
        if (start != null && end != null) {
            if (Duration.between(start, end).compareTo(max) > 0) {
                throw new InvalidQueryParameterException("to", "must be at most " + max.toDays()
                        + " days after from: a figure's window is at most that long");
            }
        } else if (start != null) {
            end = start.plus(max);
        } else {
            end = end != null ? end : clock.instant();
            start = end.minus(max);
        }
        return new QueryParameters.Window(start, end);
    }

    /** The longest window, in whole days, for figures that take their window as a number of days. */
    public int maxDays() {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, max.toDays()));
    }
}

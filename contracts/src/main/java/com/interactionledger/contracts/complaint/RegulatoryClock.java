package com.interactionledger.contracts.complaint;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One clock a complaint runs against, as the bank computed it: its due date in the jurisdiction's time zone and
 * the instant that date ends. A clock stopped while waiting for the customer has no due date until it runs again.
 *
 * @param breachable  false for clocks that are opportunities rather than obligations (the FCA summary window)
 * @param provisional true when working it out needed days the business calendar does not cover (only weekends are
 *                    known there): the due date is the best the ledger can say until the calendar is extended, and
 *                    is recomputed, as a new {@link ComplaintClocksSet}, once it is
 * @param basis       how the due date was worked out, in words a reviewer can check (rule, days counted, calendar)
 */
public record RegulatoryClock(
        ClockType type,
        LocalDate dueDate,
        Instant dueAt,
        boolean paused,
        boolean breachable,
        boolean provisional,
        String basis
) {

    /** A clock worked out within the calendar's coverage (or one that needs no calendar at all). */
    public RegulatoryClock(ClockType type, LocalDate dueDate, Instant dueAt, boolean paused, boolean breachable,
                           String basis) {
        this(type, dueDate, dueAt, paused, breachable, false, basis);
    }
}

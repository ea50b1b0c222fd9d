package com.interactionledger.contracts.complaint;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One clock a complaint runs against, as the bank computed it: its due date in the jurisdiction's time zone and
 * the instant that date ends. A clock stopped while waiting for the customer has no due date until it runs again.
 *
 * @param breachable false for clocks that are opportunities rather than obligations (the FCA summary window)
 * @param basis      how the due date was worked out, in words a reviewer can check (rule, days counted, calendar)
 */
public record RegulatoryClock(
        ClockType type,
        LocalDate dueDate,
        Instant dueAt,
        boolean paused,
        boolean breachable,
        String basis
) {
}

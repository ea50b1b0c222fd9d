package com.interactionledger.contracts.complaint;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A complaint's clock as recorded, with its status at the instant the question was asked.
 *
 * @param provisional its due date was worked out with days its business calendar did not cover (only weekends known
 *                    there); it is worked out again, and recorded anew, once the calendar is extended
 */
public record ClockView(
        ClockType type,
        LocalDate dueDate,
        Instant dueAt,
        ClockStatus status,
        boolean provisional,
        String basis,
        Instant warnedAt,
        Instant breachedAt
) {
}

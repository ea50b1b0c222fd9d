package com.interactionledger.contracts.complaint;

import java.time.Instant;
import java.time.LocalDate;

/** A complaint's clock as recorded, with its status at the instant the question was asked. */
public record ClockView(
        ClockType type,
        LocalDate dueDate,
        Instant dueAt,
        ClockStatus status,
        String basis,
        Instant warnedAt,
        Instant breachedAt
) {
}

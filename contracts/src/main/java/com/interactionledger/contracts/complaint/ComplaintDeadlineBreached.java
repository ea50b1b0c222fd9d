package com.interactionledger.contracts.complaint;

import com.interactionledger.contracts.common.CustomerId;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A clock ran out without its required step.
 */
@Revision("1")
public record ComplaintDeadlineBreached(
        ComplaintId complaintId,
        CustomerId customerId,
        ClockType clock,
        Instant dueAt,
        Instant occurredAt
) implements ComplaintEvent {
}

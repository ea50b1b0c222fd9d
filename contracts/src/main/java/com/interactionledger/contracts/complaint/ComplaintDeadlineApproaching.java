package com.interactionledger.contracts.complaint;

import com.interactionledger.contracts.common.CustomerId;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A clock will run out soon without its required step (the near-breach warning).
 */
@Revision("1")
public record ComplaintDeadlineApproaching(
        ComplaintId complaintId,
        CustomerId customerId,
        ClockType clock,
        Instant dueAt,
        Instant occurredAt
) implements ComplaintEvent {
}

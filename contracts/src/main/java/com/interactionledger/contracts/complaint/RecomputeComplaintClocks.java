package com.interactionledger.contracts.complaint;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/**
 * Sent by the command side when its business calendar covers days that a complaint's provisional clocks were
 * worked out without: the complaint recomputes them with the calendar it is given and records them as a new
 * {@link ComplaintClocksSet}, if the calendar covers more than the one they were computed with. Otherwise nothing
 * is recorded. {@code occurredAt} is when the calendar update was acted on.
 *
 * @param expectedVersion optimistic concurrency: the complaint version the caller last saw, or null
 */
public record RecomputeComplaintClocks(
        @TargetAggregateIdentifier ComplaintId complaintId,
        @TargetAggregateVersion Long expectedVersion,
        Instant occurredAt
) implements ComplaintCommand {
}

package com.interactionledger.contracts.complaint;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/**
 * Raised by the clock watcher when a clock is close to running out; {@code occurredAt} is when it looked.
 *
 * @param expectedVersion optimistic concurrency: the complaint version the caller last saw, or null
 */
public record RecordDeadlineApproaching(
        @TargetAggregateIdentifier ComplaintId complaintId,
        @TargetAggregateVersion Long expectedVersion,
        ClockType clock,
        Instant occurredAt
) implements ComplaintCommand {
}

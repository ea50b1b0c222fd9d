package com.interactionledger.contracts.complaint;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/**
 * Extends the final deadline where the jurisdiction allows it.
 *
 * @param expectedVersion optimistic concurrency: the complaint version the caller last saw, or null
 */
public record ExtendComplaintDeadline(
        @TargetAggregateIdentifier ComplaintId complaintId,
        @TargetAggregateVersion Long expectedVersion,
        String reason,
        String approvedBy,
        Instant occurredAt
) implements ComplaintCommand {
}

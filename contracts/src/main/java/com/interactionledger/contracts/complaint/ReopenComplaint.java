package com.interactionledger.contracts.complaint;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/**
 * Opens a settled complaint again.
 *
 * @param expectedVersion optimistic concurrency: the complaint version the caller last saw, or null
 */
public record ReopenComplaint(
        @TargetAggregateIdentifier ComplaintId complaintId,
        @TargetAggregateVersion Long expectedVersion,
        String reason,
        Instant occurredAt
) implements ComplaintCommand {
}

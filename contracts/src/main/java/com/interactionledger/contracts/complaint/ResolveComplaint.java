package com.interactionledger.contracts.complaint;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/**
 * Gives the final response.
 *
 * @param expectedVersion optimistic concurrency: the complaint version the caller last saw, or null
 */
public record ResolveComplaint(
        @TargetAggregateIdentifier ComplaintId complaintId,
        @TargetAggregateVersion Long expectedVersion,
        ComplaintOutcome outcome,
        Redress redress,
        String summary,
        boolean summaryResolution,
        Instant occurredAt
) implements ComplaintCommand {
}

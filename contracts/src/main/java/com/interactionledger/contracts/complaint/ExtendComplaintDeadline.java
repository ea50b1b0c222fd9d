package com.interactionledger.contracts.complaint;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/**
 * Extends the final deadline where the jurisdiction allows it, or, where the rules want a senior approver, asks for
 * the extension ({@link ApproveDeadlineExtension} grants it).
 *
 * @param expectedVersion optimistic concurrency: the complaint version the caller last saw, or null
 * @param requestedBy     who asks: the token's actor, stamped by the edge, never from a body
 */
public record ExtendComplaintDeadline(
        @TargetAggregateIdentifier ComplaintId complaintId,
        @TargetAggregateVersion Long expectedVersion,
        String reason,
        String requestedBy,
        Instant occurredAt
) implements ComplaintCommand {
}

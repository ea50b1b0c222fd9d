package com.interactionledger.contracts.complaint;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/**
 * Approves the extension that awaits a senior approver's word.
 *
 * @param expectedVersion optimistic concurrency: the complaint version the caller last saw, or null
 * @param approvedBy      the approving supervisor: the token's actor, stamped by the edge, never from a body
 */
public record ApproveDeadlineExtension(
        @TargetAggregateIdentifier ComplaintId complaintId,
        @TargetAggregateVersion Long expectedVersion,
        String approvedBy,
        Instant occurredAt
) implements ComplaintCommand {
}

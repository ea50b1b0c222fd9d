package com.interactionledger.contracts.complaint;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/**
 * Acknowledges the complaint to the customer.
 *
 * @param expectedVersion optimistic concurrency: the complaint version the caller last saw, or null
 */
public record AcknowledgeComplaint(
        @TargetAggregateIdentifier ComplaintId complaintId,
        @TargetAggregateVersion Long expectedVersion,
        Instant occurredAt
) implements ComplaintCommand {
}

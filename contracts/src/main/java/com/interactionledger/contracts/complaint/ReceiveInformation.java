package com.interactionledger.contracts.complaint;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/**
 * Records the information the customer sent.
 *
 * @param expectedVersion optimistic concurrency: the complaint version the caller last saw, or null
 */
public record ReceiveInformation(
        @TargetAggregateIdentifier ComplaintId complaintId,
        @TargetAggregateVersion Long expectedVersion,
        String summary,
        Instant occurredAt
) implements ComplaintCommand {
}

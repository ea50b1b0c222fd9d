package com.interactionledger.contracts.complaint;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/**
 * Asks the customer for more information.
 *
 * @param expectedVersion optimistic concurrency: the complaint version the caller last saw, or null
 */
public record RequestInformation(
        @TargetAggregateIdentifier ComplaintId complaintId,
        @TargetAggregateVersion Long expectedVersion,
        String request,
        Instant occurredAt
) implements ComplaintCommand {
}

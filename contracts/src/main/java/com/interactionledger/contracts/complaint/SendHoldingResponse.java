package com.interactionledger.contracts.complaint;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/**
 * Records a holding reply to the customer.
 *
 * @param expectedVersion optimistic concurrency: the complaint version the caller last saw, or null
 */
public record SendHoldingResponse(
        @TargetAggregateIdentifier ComplaintId complaintId,
        @TargetAggregateVersion Long expectedVersion,
        String summary,
        Instant occurredAt
) implements ComplaintCommand {
}

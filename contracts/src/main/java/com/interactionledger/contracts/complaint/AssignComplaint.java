package com.interactionledger.contracts.complaint;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/**
 * Gives the complaint to a handler and team.
 *
 * @param expectedVersion optimistic concurrency: the complaint version the caller last saw, or null
 */
public record AssignComplaint(
        @TargetAggregateIdentifier ComplaintId complaintId,
        @TargetAggregateVersion Long expectedVersion,
        String handlerId,
        String team,
        Instant occurredAt
) implements ComplaintCommand {
}

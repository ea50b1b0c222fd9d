package com.interactionledger.contracts.complaint;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/**
 * Records that the complaint went to an ombudsman or the regulator.
 *
 * @param expectedVersion optimistic concurrency: the complaint version the caller last saw, or null
 */
public record ReferComplaint(
        @TargetAggregateIdentifier ComplaintId complaintId,
        @TargetAggregateVersion Long expectedVersion,
        ReferralBody body,
        String bodyName,
        String reference,
        Instant occurredAt
) implements ComplaintCommand {
}

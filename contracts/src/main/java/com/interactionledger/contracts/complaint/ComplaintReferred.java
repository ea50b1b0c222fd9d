package com.interactionledger.contracts.complaint;

import com.interactionledger.contracts.common.CustomerId;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The customer took the complaint to an ombudsman or the regulator.
 */
@Revision("1")
public record ComplaintReferred(
        ComplaintId complaintId,
        CustomerId customerId,
        ReferralBody body,
        String bodyName,
        String reference,
        Instant occurredAt
) implements ComplaintEvent {
}

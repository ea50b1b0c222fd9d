package com.interactionledger.contracts.complaint;

import com.interactionledger.contracts.common.CustomerId;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The customer accepted the final response.
 */
@Revision("1")
public record ComplaintResolutionAccepted(
        ComplaintId complaintId,
        CustomerId customerId,
        Instant occurredAt
) implements ComplaintEvent {
}

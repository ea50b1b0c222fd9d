package com.interactionledger.contracts.complaint;

import com.interactionledger.contracts.common.CustomerId;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The bank acknowledged the complaint to the customer.
 */
@Revision("1")
public record ComplaintAcknowledged(
        ComplaintId complaintId,
        CustomerId customerId,
        Instant occurredAt
) implements ComplaintEvent {
}

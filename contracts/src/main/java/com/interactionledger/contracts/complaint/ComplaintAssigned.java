package com.interactionledger.contracts.complaint;

import com.interactionledger.contracts.common.CustomerId;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A handler (and team) took the complaint on.
 */
@Revision("1")
public record ComplaintAssigned(
        ComplaintId complaintId,
        CustomerId customerId,
        String handlerId,
        String team,
        Instant occurredAt
) implements ComplaintEvent {
}

package com.interactionledger.contracts.complaint;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.privacy.PersonalData;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A settled complaint was opened again; its clocks start again from this moment.
 */
@Revision("1")
public record ComplaintReopened(
        ComplaintId complaintId,
        CustomerId customerId,
        @PersonalData String reason,
        Instant occurredAt
) implements ComplaintEvent {
}

package com.interactionledger.contracts.complaint;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.privacy.PersonalData;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The customer disputed the final response.
 */
@Revision("1")
public record ComplaintResolutionDisputed(
        ComplaintId complaintId,
        CustomerId customerId,
        @PersonalData String reason,
        Instant occurredAt
) implements ComplaintEvent {
}

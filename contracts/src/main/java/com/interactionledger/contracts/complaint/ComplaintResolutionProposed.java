package com.interactionledger.contracts.complaint;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.privacy.PersonalData;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The bank proposed how to settle the complaint.
 */
@Revision("1")
public record ComplaintResolutionProposed(
        ComplaintId complaintId,
        CustomerId customerId,
        ComplaintOutcome outcome,
        Redress redress,
        @PersonalData String summary,
        Instant occurredAt
) implements ComplaintEvent {
}

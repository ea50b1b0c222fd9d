package com.interactionledger.contracts.complaint;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.privacy.PersonalData;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The final deadline was extended as the jurisdiction allows (tier 1, tier 2 with approval).
 */
@Revision("1")
public record ComplaintDeadlineExtended(
        ComplaintId complaintId,
        CustomerId customerId,
        int tier,
        @PersonalData String reason,
        String approvedBy,
        Instant occurredAt
) implements ComplaintEvent {
}

package com.interactionledger.contracts.complaint;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.privacy.PersonalData;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The bank told the customer the complaint is still being looked into (a holding reply; "in progress" for the
 * CFPB).
 */
@Revision("1")
public record ComplaintHoldingResponseSent(
        ComplaintId complaintId,
        CustomerId customerId,
        @PersonalData String summary,
        Instant occurredAt
) implements ComplaintEvent {
}

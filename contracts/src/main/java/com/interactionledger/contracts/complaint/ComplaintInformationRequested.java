package com.interactionledger.contracts.complaint;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.privacy.PersonalData;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The bank asked the customer for more information; where the jurisdiction allows, the clocks stop until it
 * arrives.
 */
@Revision("1")
public record ComplaintInformationRequested(
        ComplaintId complaintId,
        CustomerId customerId,
        @PersonalData String request,
        boolean clockPaused,
        Instant occurredAt
) implements ComplaintEvent {
}

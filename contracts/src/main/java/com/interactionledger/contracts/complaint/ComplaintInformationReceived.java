package com.interactionledger.contracts.complaint;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.privacy.PersonalData;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The customer sent the information asked for; stopped clocks run again.
 */
@Revision("1")
public record ComplaintInformationReceived(
        ComplaintId complaintId,
        CustomerId customerId,
        @PersonalData String summary,
        Instant occurredAt
) implements ComplaintEvent {
}

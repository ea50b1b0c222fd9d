package com.interactionledger.contracts.complaint;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.privacy.PersonalData;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The bank gave its final response: the outcome and any redress. A summary resolution is the FCA's short form
 * for complaints settled within three business days.
 */
@Revision("1")
public record ComplaintResolved(
        ComplaintId complaintId,
        CustomerId customerId,
        ComplaintOutcome outcome,
        Redress redress,
        @PersonalData String summary,
        boolean summaryResolution,
        Instant occurredAt
) implements ComplaintEvent {
}

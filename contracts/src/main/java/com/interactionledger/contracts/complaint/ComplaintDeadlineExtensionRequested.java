package com.interactionledger.contracts.complaint;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.privacy.PersonalData;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * An extension of the final deadline that the rules let only a senior approver grant (the NFRA's second one) was
 * asked for; the deadline stays until a supervisor other than the requester approves it
 * ({@link ComplaintDeadlineExtended} then names the approver).
 *
 * @param tier        the extension it would be (2 for the NFRA's 60 days)
 * @param requestedBy who asked: the requesting token's actor
 */
@Revision("1")
public record ComplaintDeadlineExtensionRequested(
        ComplaintId complaintId,
        CustomerId customerId,
        int tier,
        @PersonalData String reason,
        String requestedBy,
        Instant occurredAt
) implements ComplaintEvent {
}

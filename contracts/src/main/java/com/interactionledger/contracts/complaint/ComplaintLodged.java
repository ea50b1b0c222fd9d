package com.interactionledger.contracts.complaint;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.contracts.dialogue.SessionId;
import com.interactionledger.contracts.privacy.PersonalData;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A customer complained. The complaint may arise from one or more sessions of a dialogue, or directly on any
 * channel; it is received at {@code occurredAt}, from which every regulatory clock runs.
 */
@Revision("1")
public record ComplaintLodged(
        ComplaintId complaintId,
        CustomerId customerId,
        List<SessionId> sessions,
        Channel channel,
        String product,
        String subProduct,
        String category,
        String subCategory,
        @PersonalData String description,
        Money amountInDispute,
        Jurisdiction jurisdiction,
        ServiceRegime regime,
        Instant occurredAt
) implements ComplaintEvent {
}

package com.interactionledger.contracts.complaint;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.contracts.dialogue.SessionId;

import java.time.Instant;
import java.util.List;

/**
 * Records a new complaint; the edge stamps {@code occurredAt} as the time of receipt.
 */
public record LodgeComplaint(
        ComplaintId complaintId,
        CustomerId customerId,
        List<SessionId> sessions,
        Channel channel,
        String product,
        String subProduct,
        String category,
        String subCategory,
        String description,
        Money amountInDispute,
        Jurisdiction jurisdiction,
        ServiceRegime regime,
        Instant occurredAt
) implements ComplaintCommand {
}

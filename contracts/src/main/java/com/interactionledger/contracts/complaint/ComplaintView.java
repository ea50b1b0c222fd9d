package com.interactionledger.contracts.complaint;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.contracts.dialogue.SessionId;

import java.time.Instant;
import java.util.List;

/** A complaint as the complaint read model knows it, with its clocks. */
public record ComplaintView(
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
        ComplaintState state,
        Instant receivedAt,
        Instant acknowledgedAt,
        String handlerId,
        String team,
        Instant holdingResponseAt,
        int extensionTier,
        Instant resolvedAt,
        ComplaintOutcome outcome,
        Redress redress,
        Boolean summaryResolution,
        ReferralBody referredTo,
        int reopened,
        long version,
        List<ClockView> clocks
) {
}

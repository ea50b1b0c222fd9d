package com.interactionledger.contracts.complaint;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.dialogue.Channel;

import java.time.Instant;

/**
 * Which complaints a question is about; every field is optional (null: any).
 *
 * @param openOnly     only complaints still open (received, in progress, waiting, resolution proposed)
 * @param receivedFrom received at or after this instant
 * @param receivedTo   received before this instant
 */
public record ComplaintFilter(
        CustomerId customerId,
        ComplaintState state,
        boolean openOnly,
        Jurisdiction jurisdiction,
        String product,
        String category,
        Channel channel,
        Instant receivedFrom,
        Instant receivedTo
) {

    public static final ComplaintFilter ALL = new ComplaintFilter(null, null, false, null, null, null, null, null, null);
}

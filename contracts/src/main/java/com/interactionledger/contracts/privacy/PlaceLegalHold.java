package com.interactionledger.contracts.privacy;

import com.interactionledger.contracts.common.CustomerId;

import java.time.Instant;

/** Places a legal hold on the customer's records. */
public record PlaceLegalHold(
        CustomerId customerId,
        String reference,
        String decidedBy,
        Instant occurredAt
) implements PrivacyCommand {
}

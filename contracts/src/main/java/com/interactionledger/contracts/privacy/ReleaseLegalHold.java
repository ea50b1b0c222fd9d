package com.interactionledger.contracts.privacy;

import com.interactionledger.contracts.common.CustomerId;

import java.time.Instant;

/** Releases a legal hold on the customer's records. */
public record ReleaseLegalHold(
        CustomerId customerId,
        String reference,
        String decidedBy,
        Instant occurredAt
) implements PrivacyCommand {
}

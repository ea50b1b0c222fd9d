package com.interactionledger.contracts.privacy;

import com.interactionledger.contracts.common.CustomerId;

import java.time.Instant;

/** Lifts the restriction on the customer's data. */
public record LiftRestriction(
        CustomerId customerId,
        String legalBasis,
        String decidedBy,
        Instant occurredAt
) implements PrivacyCommand {
}

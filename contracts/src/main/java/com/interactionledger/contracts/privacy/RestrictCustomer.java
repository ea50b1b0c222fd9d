package com.interactionledger.contracts.privacy;

import com.interactionledger.contracts.common.CustomerId;

import java.time.Instant;

/** Restricts processing of the customer's data instead of erasing it, where the law keeps the records. */
public record RestrictCustomer(
        CustomerId customerId,
        String legalBasis,
        String decidedBy,
        Instant occurredAt
) implements PrivacyCommand {
}

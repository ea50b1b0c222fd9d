package com.interactionledger.contracts.privacy;

import com.interactionledger.contracts.common.CustomerId;

import java.time.Instant;

/** Erases the customer's personal data by destroying their key (refused while a legal hold stands). */
public record EraseCustomer(
        CustomerId customerId,
        String legalBasis,
        String decidedBy,
        Instant occurredAt
) implements PrivacyCommand {
}

package com.interactionledger.contracts.privacy;

import com.interactionledger.contracts.common.CustomerId;

import java.time.Instant;

/**
 * Asks for the customer's personal data to be erased (refused while a legal hold stands). Erasure takes two people:
 * the key is destroyed when another administrator approves ({@link ApproveErasure}).
 *
 * @param decidedBy the requesting administrator: the token's actor
 */
public record EraseCustomer(
        CustomerId customerId,
        String legalBasis,
        String decidedBy,
        Instant occurredAt
) implements PrivacyCommand {
}

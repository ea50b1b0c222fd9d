package com.interactionledger.contracts.privacy;

import com.interactionledger.contracts.common.CustomerId;

import java.time.Instant;

/**
 * Approves the erasure another administrator asked for: the customer's key is destroyed.
 *
 * @param decidedBy the approving administrator: the token's actor, never the one who asked
 */
public record ApproveErasure(
        CustomerId customerId,
        String decidedBy,
        Instant occurredAt
) implements PrivacyCommand {
}

package com.interactionledger.contracts.privacy;

import com.interactionledger.contracts.common.CustomerId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The customer's records are under legal hold (litigation, investigation): they cannot be erased until every hold is
 * released.
 *
 * @param reference why, in legal terms (an article, a case reference); never personal details
 */
@Revision("1")
public record LegalHoldPlaced(
        CustomerId customerId,
        String reference,
        String decidedBy,
        Instant occurredAt
) implements PrivacyEvent {
}

package com.interactionledger.contracts.privacy;

import com.interactionledger.contracts.common.CustomerId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * An administrator asked for the customer's personal data to be erased. Nothing is destroyed yet: erasure takes two
 * people, and {@link CustomerErased} follows only when another administrator approves.
 *
 * @param legalBasis  why, in legal terms (an article, a case reference); never personal details
 * @param requestedBy the requesting administrator: the token's actor
 */
@Revision("1")
public record CustomerErasureRequested(
        CustomerId customerId,
        String legalBasis,
        String requestedBy,
        Instant occurredAt
) implements PrivacyEvent {
}

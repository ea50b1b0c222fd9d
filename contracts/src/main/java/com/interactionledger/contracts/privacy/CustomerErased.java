package com.interactionledger.contracts.privacy;

import com.interactionledger.contracts.common.CustomerId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The customer's personal data was erased: their key is destroyed in the same transaction, so every personal field of
 * every event of theirs now reads as [erased]. The events stay; the chain still verifies.
 *
 * @param legalBasis why, in legal terms (an article, a case reference); never personal details
 */
@Revision("1")
public record CustomerErased(
        CustomerId customerId,
        String legalBasis,
        String decidedBy,
        Instant occurredAt
) implements PrivacyEvent {
}

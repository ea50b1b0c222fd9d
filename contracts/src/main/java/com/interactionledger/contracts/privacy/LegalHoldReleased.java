package com.interactionledger.contracts.privacy;

import com.interactionledger.contracts.common.CustomerId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A legal hold on the customer's records was released.
 *
 * @param reference why, in legal terms (an article, a case reference); never personal details
 */
@Revision("1")
public record LegalHoldReleased(
        CustomerId customerId,
        String reference,
        String decidedBy,
        Instant occurredAt
) implements PrivacyEvent {
}

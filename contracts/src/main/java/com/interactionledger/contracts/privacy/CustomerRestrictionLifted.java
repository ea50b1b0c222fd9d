package com.interactionledger.contracts.privacy;

import com.interactionledger.contracts.common.CustomerId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The restriction on the customer's data was lifted.
 *
 * @param legalBasis why, in legal terms (an article, a case reference); never personal details
 */
@Revision("1")
public record CustomerRestrictionLifted(
        CustomerId customerId,
        String legalBasis,
        String decidedBy,
        Instant occurredAt
) implements PrivacyEvent {
}

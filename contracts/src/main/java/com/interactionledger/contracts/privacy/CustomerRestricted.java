package com.interactionledger.contracts.privacy;

import com.interactionledger.contracts.common.CustomerId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * Processing of the customer's data is restricted (GDPR Art. 18, PIPL Art. 47): their records stay, shown only to
 * regulators, excluded from agents' views and analytics.
 *
 * @param legalBasis why, in legal terms (an article, a case reference); never personal details
 */
@Revision("1")
public record CustomerRestricted(
        CustomerId customerId,
        String legalBasis,
        String decidedBy,
        Instant occurredAt
) implements PrivacyEvent {
}

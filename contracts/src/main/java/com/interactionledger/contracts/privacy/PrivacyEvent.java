package com.interactionledger.contracts.privacy;

import com.interactionledger.contracts.common.CustomerScoped;

/** What was decided about a customer's personal data: erasure, restriction, legal holds. */
public sealed interface PrivacyEvent extends CustomerScoped
        permits CustomerErasureRequested, CustomerErased, CustomerRestricted, CustomerRestrictionLifted, LegalHoldPlaced,
        LegalHoldReleased {
}

package com.interactionledger.contracts.privacy;

import com.interactionledger.contracts.common.CustomerScoped;

/**
 * What was decided about a customer's personal data: erasure (asked for, or by the retention rules), restriction,
 * legal holds.
 */
public sealed interface PrivacyEvent extends CustomerScoped
        permits CustomerErasureRequested, CustomerErased, CustomerRestricted, CustomerRestrictionLifted, LegalHoldPlaced,
        LegalHoldReleased, RetentionPeriodExpired {
}

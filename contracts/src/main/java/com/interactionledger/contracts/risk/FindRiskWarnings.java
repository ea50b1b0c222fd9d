package com.interactionledger.contracts.risk;

import com.interactionledger.contracts.common.CustomerId;

import java.time.Instant;

/**
 * Early warnings, newest first; every filter is optional.
 *
 * @param after the last warning of the previous page, or null
 */
public record FindRiskWarnings(CustomerId customerId, RiskReason reason, Instant from, Instant to,
                               RiskWarningCursor after, int limit) {

    public static final int MAX_LIMIT = 100;
}

package com.interactionledger.contracts.complaint;

/** How a complaint was decided. */
public enum ComplaintOutcome {
    UPHELD,
    PARTIALLY_UPHELD,
    REJECTED,
    WITHDRAWN
}

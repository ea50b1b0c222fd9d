package com.interactionledger.contracts.journey;

/** How a journey stands: resolved in one of its sessions, ended without a resolution, or still going on. */
public enum JourneyOutcome {
    RESOLVED,
    ABANDONED,
    OPEN
}

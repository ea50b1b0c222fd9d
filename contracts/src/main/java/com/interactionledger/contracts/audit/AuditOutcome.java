package com.interactionledger.contracts.audit;

/** What became of a command. */
public enum AuditOutcome {
    ACCEPTED,
    REFUSED
}

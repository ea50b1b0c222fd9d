package com.interactionledger.contracts.common;

/**
 * The roles of the people and systems that read the ledger. (Who may read what is the privacy issue's work; today
 * the role is recorded on the audit trail with every read of personal data.)
 */
public enum AccessRole {
    AGENT,
    SUPERVISOR,
    ANALYST,
    REGULATOR,
    ADMIN,
    SYSTEM
}

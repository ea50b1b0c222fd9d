package com.interactionledger.contracts.common;

/** Who takes part in an interaction, and who issues commands to the ledger. */
public enum ParticipantRole {
    CUSTOMER,
    BOT,
    AGENT,
    SUPERVISOR,
    SYSTEM
}

package com.interactionledger.contracts.risk;

/** Why the ledger raised an early warning about a customer relationship. */
public enum RiskReason {
    /** The customer complained several times within a short window. */
    REPEAT_COMPLAINTS,
    /** The customer's latest sentiment was negative in several sessions in a row. */
    NEGATIVE_SENTIMENT_STREAK,
    /** The customer used escalation language (regulator, lawyer, fraud...). */
    ESCALATION_LANGUAGE,
    /** A complaint was lodged on a public social channel: a reputational risk. */
    PUBLIC_SOCIAL_COMPLAINT,
    /** A complaint's regulatory clock is about to run out. */
    NEAR_BREACH
}

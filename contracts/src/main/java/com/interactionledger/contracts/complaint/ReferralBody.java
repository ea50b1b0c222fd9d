package com.interactionledger.contracts.complaint;

/** Where a customer took a complaint the bank did not settle. */
public enum ReferralBody {
    /** An ombudsman or dispute-resolution service (Financial Ombudsman Service, a mediation body...). */
    OMBUDSMAN,
    /** The regulator itself (CFPB, NFRA...). */
    REGULATOR
}

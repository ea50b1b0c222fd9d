package com.interactionledger.contracts.complaint;

/** The regulator whose complaint-handling rules, and clocks, apply to a complaint. */
public enum Jurisdiction {
    /** UK Financial Conduct Authority, DISP 1.5 and 1.6. */
    UK_FCA,
    /** US Consumer Financial Protection Bureau, company response timeframes of the complaint portal. */
    US_CFPB,
    /** China National Financial Regulatory Administration, consumer complaint handling measures (2020). */
    CN_NFRA
}

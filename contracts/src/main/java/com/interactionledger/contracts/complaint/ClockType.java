package com.interactionledger.contracts.complaint;

/** The regulatory clocks a complaint can run against. */
public enum ClockType {
    /** FCA: resolved by close of the 3rd business day after receipt may close with a summary resolution communication (DISP 1.5). Not breachable. */
    FCA_SUMMARY_RESOLUTION,
    /** FCA: final response within 8 weeks of receipt (DISP 1.6.2R). */
    FCA_FINAL_RESPONSE,
    /** FCA payment services / e-money: final response within 15 business days, 35 with a holding reply in exceptional circumstances (DISP 1.6.2AR). */
    FCA_PSD_FINAL_RESPONSE,
    /** CFPB: a response within 15 calendar days (a final response, or marked in progress). */
    CFPB_RESPONSE,
    /** CFPB: a final response within 60 calendar days. */
    CFPB_FINAL_RESPONSE,
    /** NFRA: a decision within 15 calendar days, 30 for complex cases, a further 30 for especially complex ones with approval. */
    NFRA_DECISION;

    /** The jurisdiction whose rules define this clock. */
    public Jurisdiction jurisdiction() {
        return switch (this) {
            case FCA_SUMMARY_RESOLUTION, FCA_FINAL_RESPONSE, FCA_PSD_FINAL_RESPONSE -> Jurisdiction.UK_FCA;
            case CFPB_RESPONSE, CFPB_FINAL_RESPONSE -> Jurisdiction.US_CFPB;
            case NFRA_DECISION -> Jurisdiction.CN_NFRA;
        };
    }

    /** The clock a final response must beat; timeliness is measured against it. */
    public boolean isFinalResponse() {
        return this == FCA_FINAL_RESPONSE || this == FCA_PSD_FINAL_RESPONSE || this == CFPB_FINAL_RESPONSE
                || this == NFRA_DECISION;
    }
}

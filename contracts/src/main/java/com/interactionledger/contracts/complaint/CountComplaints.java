package com.interactionledger.contracts.complaint;

/**
 * Complaint figures, overall and per group.
 *
 * @param groupBy which dimension to break the figures down by (null: overall only)
 */
public record CountComplaints(ComplaintFilter filter, Dimension groupBy) {

    /** The dimensions figures can be broken down by; periods are calendar periods in UTC. */
    public enum Dimension {
        PRODUCT, CATEGORY, CHANNEL, JURISDICTION, DAY, WEEK, MONTH,
        /**
         * The final response: for a complaint brought from another register, the company's response as the source
         * says it; otherwise the ledger's outcome; {@code NONE} while there is none.
         */
        RESPONSE,
        /** For an imported complaint, how the source says it was submitted ({@code Web}...); otherwise the channel. */
        SOURCE_CHANNEL,
        /** For an imported complaint, whether the source deemed the response timely: {@code YES}, {@code NO}, or
         * {@code NOT_SAID} (as for every complaint lodged on the ledger, whose timeliness is its own figure). */
        SOURCE_TIMELY
    }
}

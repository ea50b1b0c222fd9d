package com.interactionledger.contracts.complaint;

/**
 * Complaint figures, overall and per group.
 *
 * @param groupBy which dimension to break the figures down by (null: overall only)
 */
public record CountComplaints(ComplaintFilter filter, Dimension groupBy) {

    /** The dimensions figures can be broken down by; periods are calendar periods in UTC. */
    public enum Dimension {
        PRODUCT, CATEGORY, CHANNEL, JURISDICTION, DAY, WEEK, MONTH
    }
}

package com.interactionledger.contracts.complaint;

import java.util.List;

/** The answer to {@link CountComplaints}: the figures of all matching complaints, and of each group. */
public record ComplaintStatistics(ComplaintFigures overall, List<ComplaintFigures> groups) {
}

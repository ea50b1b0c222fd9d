package com.interactionledger.contracts.complaint;

import java.time.Instant;

/** One complaint, with its clocks' status at {@code at}. */
public record FindComplaint(ComplaintId complaintId, Instant at) {
}

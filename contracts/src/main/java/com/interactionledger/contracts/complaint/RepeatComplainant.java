package com.interactionledger.contracts.complaint;

import java.time.Instant;
import java.util.List;

/**
 * A customer who complained repeatedly, with the complaints in the window. An analysts' view: the customer is
 * named by a pseudonymous key, never by their id.
 */
public record RepeatComplainant(String customerKey, int complaints, Instant first, Instant last,
                                List<ComplaintId> complaintIds) {
}

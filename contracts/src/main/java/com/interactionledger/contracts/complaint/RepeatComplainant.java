package com.interactionledger.contracts.complaint;

import java.time.Instant;
import java.util.List;

/**
 * A customer who complained repeatedly, with the complaints in the window. An analysts' view: the customer and the
 * complaints are named by pseudonymous keys, never by their ids (a complaint id leads back to its customer).
 */
public record RepeatComplainant(String customerKey, int complaints, Instant first, Instant last,
                                List<String> complaintKeys) {
}

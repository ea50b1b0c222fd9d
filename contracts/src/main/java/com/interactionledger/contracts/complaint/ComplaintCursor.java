package com.interactionledger.contracts.complaint;

import java.time.Instant;

/** Keyset position in a list of complaints: the receipt time and id of the last complaint returned. */
public record ComplaintCursor(Instant receivedAt, ComplaintId complaintId) {
}

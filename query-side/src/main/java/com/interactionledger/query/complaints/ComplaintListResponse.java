package com.interactionledger.query.complaints;

import com.interactionledger.contracts.complaint.ComplaintView;

import java.time.Instant;
import java.util.List;

/**
 * A page of complaints as served over HTTP.
 *
 * @param at         the instant the clocks' statuses refer to
 * @param nextCursor pass as {@code cursor} for the next page; null on the last page
 */
record ComplaintListResponse(Instant at, List<ComplaintView> complaints, String nextCursor) {
}

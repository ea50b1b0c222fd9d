package com.interactionledger.query.timeline;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.timeline.SessionSummary;

import java.util.List;

/**
 * A page of a customer's timeline as served over HTTP.
 *
 * @param nextCursor pass as {@code cursor} to get the next page; null on the last page
 */
record TimelineResponse(CustomerId customerId, List<SessionSummary> sessions, String nextCursor) {
}

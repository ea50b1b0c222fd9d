package com.interactionledger.query.timeline;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.interactionledger.contracts.timeline.SessionSummary;
import com.interactionledger.contracts.timeline.TimelineEntryView;

import java.util.List;

/**
 * A session as served over HTTP: its summary's fields at the top level (as before its entries paged), a page of its
 * entries in recorded order, and where the next page starts.
 *
 * @param nextCursor pass as {@code cursor} to get the next entries; null on the last page
 */
record SessionResponse(@JsonUnwrapped SessionSummary session, List<TimelineEntryView> entries, String nextCursor) {
}

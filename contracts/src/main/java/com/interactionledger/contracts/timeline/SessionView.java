package com.interactionledger.contracts.timeline;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.List;

/**
 * A session as an agent sees it when picking the conversation up: where it stands (its summary, whose fields the
 * JSON shows at the top level beside {@code entries}) and a page of the entries of its dialogue in recorded order.
 *
 * @param nextAfterSequence where the next page of entries starts (the sequence number of this page's last entry);
 *                          null on the last page
 */
public record SessionView(@JsonUnwrapped SessionSummary session, List<TimelineEntryView> entries,
                          Long nextAfterSequence) {

    public SessionView {
        entries = List.copyOf(entries);
    }
}

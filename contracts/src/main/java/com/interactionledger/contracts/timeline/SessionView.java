package com.interactionledger.contracts.timeline;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.List;

/**
 * A session as an agent sees it when picking the conversation up: where it stands (its summary, whose fields the
 * JSON shows at the top level beside {@code entries}) and every entry of its dialogue in recorded order.
 */
public record SessionView(@JsonUnwrapped SessionSummary session, List<TimelineEntryView> entries) {

    public SessionView {
        entries = List.copyOf(entries);
    }
}

package com.interactionledger.projections.timeline;

import com.interactionledger.contracts.timeline.FindCustomerTimeline;
import com.interactionledger.contracts.timeline.FindSession;
import com.interactionledger.contracts.timeline.SessionSummary;
import com.interactionledger.contracts.timeline.SessionView;
import com.interactionledger.contracts.timeline.TimelineEntryView;
import com.interactionledger.contracts.timeline.TimelineCursor;
import com.interactionledger.contracts.timeline.TimelinePage;
import com.interactionledger.projections.support.Page;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Answers the timeline queries from the timeline read model: a page of a customer's sessions (summaries, one query)
 * and one session with a page of its dialogue (two).
 */
@Component
class TimelineQueries {

    private final TimelineTables tables;

    TimelineQueries(TimelineTables tables) {
        this.tables = tables;
    }

    @QueryHandler
    TimelinePage handle(FindCustomerTimeline query) {
        Page<SessionSummary> page = Page.read(query.limit(), FindCustomerTimeline.MAX_LIMIT,
                fetch -> tables.sessionsOf(query, fetch));
        return new TimelinePage(query.customerId(), page.rows(),
                page.next(last -> new TimelineCursor(last.startedAt(), last.sessionId())));
    }

    @QueryHandler
    Optional<SessionView> handle(FindSession query) {
        return tables.session(query.sessionId()).map(session -> {
            Page<TimelineEntryView> entries = Page.read(query.limit(), FindSession.MAX_LIMIT,
                    fetch -> tables.entriesOf(query, fetch));
            return new SessionView(session, entries.rows(), entries.next(TimelineEntryView::sequence));
        });
    }
}

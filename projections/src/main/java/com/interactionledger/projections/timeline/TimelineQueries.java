package com.interactionledger.projections.timeline;

import com.interactionledger.contracts.timeline.FindCustomerTimeline;
import com.interactionledger.contracts.timeline.FindSession;
import com.interactionledger.contracts.timeline.SessionSummary;
import com.interactionledger.contracts.timeline.SessionView;
import com.interactionledger.contracts.timeline.TimelineCursor;
import com.interactionledger.contracts.timeline.TimelinePage;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Answers the timeline queries from the timeline read model: a page of a customer's sessions (summaries, one query)
 * and one session with its dialogue (two).
 */
@Component
class TimelineQueries {

    private final TimelineTables tables;

    TimelineQueries(TimelineTables tables) {
        this.tables = tables;
    }

    @QueryHandler
    TimelinePage handle(FindCustomerTimeline query) {
        if (query.limit() < 1 || query.limit() > FindCustomerTimeline.MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + FindCustomerTimeline.MAX_LIMIT);
        }
        // One more than asked tells whether another page follows.
        List<SessionSummary> fetched = tables.sessionsOf(query, query.limit() + 1);
        boolean more = fetched.size() > query.limit();
        List<SessionSummary> page = more ? fetched.subList(0, query.limit()) : fetched;
        SessionSummary last = page.isEmpty() ? null : page.get(page.size() - 1);
        return new TimelinePage(query.customerId(), page,
                more ? new TimelineCursor(last.startedAt(), last.sessionId()) : null);
    }

    @QueryHandler
    Optional<SessionView> handle(FindSession query) {
        return tables.session(query.sessionId());
    }
}

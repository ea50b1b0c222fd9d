package com.interactionledger.projections.timeline;

import com.interactionledger.contracts.journey.FindCustomerJourneys;
import com.interactionledger.contracts.journey.FindJourneyFigures;
import com.interactionledger.contracts.journey.JourneyPage;
import com.interactionledger.contracts.journey.JourneyReport;
import com.interactionledger.contracts.journey.JourneyView;
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

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Answers the timeline queries from the timeline read model: a page of a customer's sessions (summaries, one query),
 * one session with a page of its dialogue (two), a page of a customer's journeys, and the figures over journeys.
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

    /** A page of journeys: their keys (one query), then their sessions, carried context and complaints (three). */
    @QueryHandler
    JourneyPage handle(FindCustomerJourneys query) {
        Page<TimelineCursor> page = Page.read(query.limit(), FindCustomerJourneys.MAX_LIMIT,
                fetch -> tables.journeysOf(query.customerId(), query.after(), fetch));
        Map<String, JourneyView> journeys = new HashMap<>();
        Journeys.of(tables.legsOf(query.customerId(), page.rows().stream().map(key -> key.sessionId().value())
                .toList())).forEach(journey -> journeys.put(journey.journeyId().value(), journey));
        return new JourneyPage(query.customerId(), page.rows().stream()
                .map(key -> journeys.get(key.sessionId().value())).toList(), page.next(key -> key));
    }

    @QueryHandler
    JourneyReport handle(FindJourneyFigures query) {
        return Journeys.report(Journeys.of(tables.legsStartedIn(query.from(), query.to(), query.entryChannel())),
                query.groupBy());
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

package com.interactionledger.query.timeline;

import com.interactionledger.contracts.common.AccessRole.Names;
import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.contracts.dialogue.SessionId;
import com.interactionledger.contracts.timeline.FindCustomerTimeline;
import com.interactionledger.contracts.timeline.FindSession;
import com.interactionledger.contracts.timeline.SessionView;
import com.interactionledger.contracts.timeline.TimelinePage;
import com.interactionledger.query.web.InvalidQueryParameterException;
import com.interactionledger.query.web.NotFoundException;
import com.interactionledger.query.web.PersonalDataAccess;
import com.interactionledger.query.web.ReaderContext;
import com.interactionledger.query.web.QueryParameters;
import com.interactionledger.projections.timeline.TimelineProjection;
import com.interactionledger.query.web.ReadModel;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The agent's view: a customer's sessions across channels, a page of summaries (channel, state, times, intent,
 * sentiment, handoff context, outcome), and one session with its dialogue, a page of entries at a time, when an agent
 * opens it to pick the conversation up. Both are reads of personal data, recorded on the audit trail.
 */
@RestController
@RolesAllowed({Names.AGENT, Names.SUPERVISOR})
@ReadModel(TimelineProjection.PROCESSING_GROUP)
class TimelineController {

    static final int DEFAULT_LIMIT = 20;
    static final int DEFAULT_ENTRIES = 100;

    private final QueryGateway queries;
    private final PersonalDataAccess access;

    TimelineController(QueryGateway queries, PersonalDataAccess access) {
        this.queries = queries;
        this.access = access;
    }

    /**
     * @param from   sessions started at or after this instant (ISO-8601), optional
     * @param to     sessions started before this instant, optional
     * @param order  {@code asc} (oldest first, default) or {@code desc}
     * @param cursor from the previous page's {@code nextCursor}
     * @param limit  sessions per page, 1-100 (default 20)
     */
    @GetMapping("/customers/{customerId}/timeline")
    TimelineResponse timeline(ReaderContext reader, HttpServletRequest request,
                              @PathVariable String customerId,
                              @RequestParam(required = false) String from,
                              @RequestParam(required = false) String to,
                              @RequestParam(defaultValue = "asc") String order,
                              @RequestParam(required = false) String cursor,
                              @RequestParam(required = false) String limit) {
        QueryParameters.Window window = QueryParameters.window(from, to);
        if (!order.equals("asc") && !order.equals("desc")) {
            throw new InvalidQueryParameterException("order", "must be asc or desc");
        }
        FindCustomerTimeline query = new FindCustomerTimeline(new CustomerId(customerId), window.from(), window.to(),
                order.equals("desc"), QueryParameters.sessionCursor(cursor),
                QueryParameters.integer("limit", limit, DEFAULT_LIMIT, 1, FindCustomerTimeline.MAX_LIMIT));
        TimelinePage page = queries.query(query, ResponseTypes.instanceOf(TimelinePage.class)).join();
        access.recordRead(reader, request, List.of(query.customerId()), "TIMELINE", null);
        return new TimelineResponse(page.customerId(), page.sessions(),
                QueryParameters.encodeSessionCursor(page.next()));
    }

    /**
     * @param cursor from the previous page's {@code nextCursor}
     * @param limit  entries per page, 1-200 (default 100: most sessions open whole, as they did before entries paged)
     */
    @GetMapping("/sessions/{sessionId}")
    SessionResponse session(ReaderContext reader, HttpServletRequest request, @PathVariable String sessionId,
                            @RequestParam(required = false) String cursor,
                            @RequestParam(required = false) String limit) {
        FindSession query = new FindSession(new SessionId(sessionId), QueryParameters.decodeSequenceCursor(cursor),
                QueryParameters.integer("limit", limit, DEFAULT_ENTRIES, 1, FindSession.MAX_LIMIT));
        SessionView session = queries.query(query, ResponseTypes.optionalInstanceOf(SessionView.class))
                .join()
                .orElseThrow(() -> new NotFoundException(ErrorCode.SESSION_NOT_FOUND, "No session " + sessionId));
        access.recordRead(reader, request, List.of(session.session().customerId()), "SESSION", sessionId);
        Long next = session.nextAfterSequence();
        return new SessionResponse(session.session(), session.entries(),
                next == null ? null : QueryParameters.encodeSequenceCursor(next));
    }
}

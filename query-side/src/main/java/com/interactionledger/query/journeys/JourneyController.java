package com.interactionledger.query.journeys;

import com.interactionledger.contracts.common.AccessRole.Names;
import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.contracts.journey.FindCustomerJourneys;
import com.interactionledger.contracts.journey.FindJourneyFigures;
import com.interactionledger.contracts.journey.JourneyDimension;
import com.interactionledger.contracts.journey.JourneyPage;
import com.interactionledger.contracts.journey.JourneyReport;
import com.interactionledger.contracts.journey.JourneyView;
import com.interactionledger.projections.timeline.TimelineProjection;
import com.interactionledger.query.web.FigureWindows;
import com.interactionledger.query.web.PersonalDataAccess;
import com.interactionledger.query.web.QueryParameters;
import com.interactionledger.query.web.ReadModel;
import com.interactionledger.query.web.ReaderContext;
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
 * Journeys: a customer's sessions linked by continuation across channels, with the context carried at each switch
 * and the complaints raised from them — for the agent picking a conversation up (a read of personal data, on the
 * audit trail) — and, for analysts, the figures over journeys: how many channels they took, how long to resolution,
 * how many were resolved on the first channel, how satisfied their customers were.
 */
@RestController
@ReadModel(TimelineProjection.PROCESSING_GROUP)
class JourneyController {

    static final int DEFAULT_LIMIT = 10;

    private final QueryGateway queries;
    private final PersonalDataAccess access;
    private final FigureWindows windows;

    JourneyController(QueryGateway queries, PersonalDataAccess access, FigureWindows windows) {
        this.queries = queries;
        this.access = access;
        this.windows = windows;
    }

    /** A customer's journeys, the newest first contact first, paged by {@code cursor}. */
    @GetMapping("/customers/{customerId}/journeys")
    @RolesAllowed({Names.AGENT, Names.SUPERVISOR})
    JourneysResponse journeys(ReaderContext reader, HttpServletRequest request, @PathVariable String customerId,
                              @RequestParam(required = false) String cursor,
                              @RequestParam(required = false) String limit) {
        FindCustomerJourneys query = new FindCustomerJourneys(new CustomerId(customerId),
                QueryParameters.sessionCursor(cursor),
                QueryParameters.integer("limit", limit, DEFAULT_LIMIT, 1, FindCustomerJourneys.MAX_LIMIT));
        JourneyPage page = queries.query(query, ResponseTypes.instanceOf(JourneyPage.class)).join();
        access.recordRead(reader, request, List.of(query.customerId()), "JOURNEYS", null);
        return new JourneysResponse(page.customerId(), page.journeys(),
                QueryParameters.encodeSessionCursor(page.next()));
    }

    /**
     * @param from         journeys first contacted at or after (ISO instant); a figure's window at most before {@code to}
     * @param entryChannel only journeys that began on this channel
     * @param groupBy      entry-channel, channels (how many), day, week or month of first contact
     */
    @GetMapping("/analytics/journeys")
    @RolesAllowed({Names.SUPERVISOR, Names.ANALYST})
    JourneyReport figures(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                          @RequestParam(required = false) String entryChannel,
                          @RequestParam(required = false) String groupBy) {
        QueryParameters.Window window = windows.of(from, to);
        return queries.query(new FindJourneyFigures(window.from(), window.to(),
                        QueryParameters.enumeration("entryChannel", entryChannel, Channel.class),
                        QueryParameters.enumeration("groupBy", groupBy, JourneyDimension.class)),
                ResponseTypes.instanceOf(JourneyReport.class)).join();
    }

    /** A page of journeys as the API answers it: the cursor made opaque. */
    record JourneysResponse(CustomerId customerId, List<JourneyView> journeys, String nextCursor) {
    }
}

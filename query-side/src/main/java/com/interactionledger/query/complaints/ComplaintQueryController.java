package com.interactionledger.query.complaints;

import com.interactionledger.contracts.common.AccessRole.Names;
import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.contracts.complaint.ChannelComplaintRate;
import com.interactionledger.contracts.complaint.ComplaintCursor;
import com.interactionledger.contracts.complaint.ComplaintFilter;
import com.interactionledger.contracts.complaint.ComplaintId;
import com.interactionledger.contracts.complaint.ComplaintPage;
import com.interactionledger.contracts.complaint.ComplaintState;
import com.interactionledger.contracts.complaint.ComplaintStatistics;
import com.interactionledger.contracts.complaint.ComplaintView;
import com.interactionledger.contracts.complaint.CountComplaints;
import com.interactionledger.contracts.complaint.CountComplaintsPerSessions;
import com.interactionledger.contracts.complaint.FindComplaint;
import com.interactionledger.contracts.complaint.FindRepeatComplainants;
import com.interactionledger.contracts.complaint.Jurisdiction;
import com.interactionledger.contracts.complaint.ListComplaints;
import com.interactionledger.contracts.complaint.RepeatComplainantPage;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.query.web.FigureWindows;
import com.interactionledger.query.web.InvalidQueryParameterException;
import com.interactionledger.query.web.NotFoundException;
import com.interactionledger.query.web.PersonalDataAccess;
import com.interactionledger.query.web.ReaderContext;
import com.interactionledger.query.web.QueryParameters;
import com.interactionledger.projections.complaints.ComplaintsProjection;
import com.interactionledger.query.web.ReadModel;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The complaint read API: lists (all, open, overdue, due soon) with filters and paging, one complaint with its
 * clocks, figures grouped by product, category, channel, jurisdiction or period, repeat complainants and complaints
 * per 1,000 sessions. Clock statuses are as of {@code at} (default: now, from the query side's clock).
 */
@RestController
@ReadModel(ComplaintsProjection.PROCESSING_GROUP)
class ComplaintQueryController {

    static final int DEFAULT_LIMIT = 20;
    static final int DEFAULT_REPEAT_LIMIT = 100;
    static final Duration DEFAULT_DUE_SOON = Duration.ofDays(2);

    private final QueryGateway queries;
    private final PersonalDataAccess access;
    private final Clock clock;
    private final FigureWindows windows;

    ComplaintQueryController(QueryGateway queries, PersonalDataAccess access, Clock clock, FigureWindows windows) {
        this.queries = queries;
        this.access = access;
        this.clock = clock;
        this.windows = windows;
    }

    /**
     * @param situation {@code overdue} (open, a clock past due) or {@code due-soon} (open, a clock due within
     *                  {@code within}, default P2D); absent: every complaint matching the filters
     */
    @RolesAllowed({Names.AGENT, Names.SUPERVISOR})
    @GetMapping("/complaints")
    ComplaintListResponse list(ReaderContext reader, HttpServletRequest request,
                               @RequestParam Map<String, String> parameters) {
        Instant at = at(parameters.get("at"));
        ListComplaints.ClockSituation situation = QueryParameters.enumeration("situation",
                parameters.get("situation"), ListComplaints.ClockSituation.class);
        QueryParameters.Keyset after = QueryParameters.decodeCursor(parameters.get("cursor"));
        ListComplaints query = new ListComplaints(filter(parameters,
                QueryParameters.window(parameters.get("from"), parameters.get("to"))), situation,
                QueryParameters.duration("within", parameters.get("within"), DEFAULT_DUE_SOON), at,
                after == null ? null : new ComplaintCursor(after.at(), new ComplaintId(after.id())),
                QueryParameters.integer("limit", parameters.get("limit"), DEFAULT_LIMIT, 1, ListComplaints.MAX_LIMIT));
        ComplaintPage page = queries.query(query, ResponseTypes.instanceOf(ComplaintPage.class)).join();
        for (ComplaintView complaint : page.complaints()) {
            access.recordRead(reader, request, List.of(complaint.customerId()), "COMPLAINT_LIST",
                    complaint.complaintId().value());
        }
        ComplaintCursor next = page.next();
        return new ComplaintListResponse(at, page.complaints(),
                next == null ? null : QueryParameters.encodeCursor(next.receivedAt(), next.complaintId().value()));
    }

    @RolesAllowed({Names.AGENT, Names.SUPERVISOR})
    @GetMapping("/complaints/{complaintId}")
    ComplaintView complaint(ReaderContext reader, HttpServletRequest request, @PathVariable String complaintId,
                            @RequestParam(required = false) String at) {
        ComplaintView complaint = queries.query(new FindComplaint(new ComplaintId(complaintId), at(at)),
                        ResponseTypes.optionalInstanceOf(ComplaintView.class)).join()
                .orElseThrow(() -> new NotFoundException(ErrorCode.COMPLAINT_NOT_FOUND, "No complaint " + complaintId));
        access.recordRead(reader, request, List.of(complaint.customerId()), "COMPLAINT", complaintId);
        return complaint;
    }

    /** @param groupBy product, category, channel, jurisdiction, day, week or month (UTC), or for imported complaints
     *                response, source_channel or source_timely; absent: overall only */
    @RolesAllowed({Names.SUPERVISOR, Names.ANALYST})
    @GetMapping("/complaint-statistics")
    ComplaintStatistics statistics(@RequestParam Map<String, String> parameters) {
        CountComplaints.Dimension groupBy = QueryParameters.enumeration("groupBy", parameters.get("groupBy"),
                CountComplaints.Dimension.class);
        // A figure over every complaint its window selects: the window is bounded (a list pages instead).
        return queries.query(new CountComplaints(filter(parameters,
                        windows.of(parameters.get("from"), parameters.get("to"))), groupBy),
                ResponseTypes.instanceOf(ComplaintStatistics.class)).join();
    }

    /**
     * Customers with at least {@code minimum} (default 2) complaints received in the {@code days} (default 90) before
     * {@code at}: a figure's window (at most the figure window's days) and a list's pages ({@code limit} customers,
     * 1-1000, default 100), ordered by each customer's first complaint in the window. Pass the answer's {@code at}
     * with the cursor so every page covers the same window.
     */
    @RolesAllowed({Names.SUPERVISOR, Names.ANALYST})
    @GetMapping("/complaint-statistics/repeat-complainants")
    RepeatComplainantsResponse repeatComplainants(@RequestParam(required = false) String minimum,
                                                  @RequestParam(required = false) String days,
                                                  @RequestParam(required = false) String at,
                                                  @RequestParam(required = false) String cursor,
                                                  @RequestParam(required = false) String limit) {
        Instant asOf = at(at);
        QueryParameters.Keyset after = QueryParameters.decodeCursor(cursor);
        RepeatComplainantPage page = queries.query(new FindRepeatComplainants(
                        QueryParameters.integer("minimum", minimum, 2, 2, 1000),
                        QueryParameters.integer("days", days, 90, 1, windows.maxDays()), asOf,
                        after == null ? null : new ComplaintCursor(after.at(), new ComplaintId(after.id())),
                        QueryParameters.integer("limit", limit, DEFAULT_REPEAT_LIMIT, 1,
                                FindRepeatComplainants.MAX_LIMIT)),
                ResponseTypes.instanceOf(RepeatComplainantPage.class)).join();
        ComplaintCursor next = page.next();
        return new RepeatComplainantsResponse(asOf, page.complainants(),
                next == null ? null : QueryParameters.encodeCursor(next.receivedAt(), next.complaintId().value()));
    }

    /** Complaints per 1,000 sessions by channel, over [from, to) (both required). */
    @RolesAllowed({Names.SUPERVISOR, Names.ANALYST})
    @GetMapping("/complaint-statistics/per-thousand-sessions")
    List<ChannelComplaintRate> perThousandSessions(@RequestParam(required = false) String from,
                                                   @RequestParam(required = false) String to) {
        if (from == null || to == null) {
            throw new InvalidQueryParameterException(from == null ? "from" : "to", "is required");
        }
        QueryParameters.Window window = windows.of(from, to);
        return queries.query(new CountComplaintsPerSessions(window.from(), window.to()),
                ResponseTypes.multipleInstancesOf(ChannelComplaintRate.class)).join();
    }

    private ComplaintFilter filter(Map<String, String> parameters, QueryParameters.Window window) {
        String customer = parameters.get("customerId");
        boolean openOnly = Boolean.TRUE.equals(QueryParameters.bool("open", parameters.get("open")));
        return new ComplaintFilter(customer == null ? null : new CustomerId(customer),
                QueryParameters.enumeration("state", parameters.get("state"), ComplaintState.class),
                openOnly,
                QueryParameters.enumeration("jurisdiction", parameters.get("jurisdiction"), Jurisdiction.class),
                parameters.get("product"), parameters.get("category"),
                QueryParameters.enumeration("channel", parameters.get("channel"), Channel.class), window.from(), window.to());
    }

    private Instant at(String value) {
        return QueryParameters.instant("at", value, clock);
    }
}

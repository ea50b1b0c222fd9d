package com.interactionledger.query.risk;

import com.interactionledger.contracts.common.AccessRole.Names;
import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.risk.FindRiskWarnings;
import com.interactionledger.contracts.risk.RiskReason;
import com.interactionledger.contracts.risk.RiskWarningCursor;
import com.interactionledger.contracts.risk.RiskWarningPage;
import com.interactionledger.contracts.risk.RiskWarningView;
import com.interactionledger.query.web.PersonalDataAccess;
import com.interactionledger.query.web.QueryParameters;
import com.interactionledger.query.web.ReaderContext;
import com.interactionledger.projections.risk.RiskWarningsProjection;
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

/** Early warnings, overall and per customer, newest first. */
@RestController
@ReadModel(RiskWarningsProjection.PROCESSING_GROUP)
class RiskWarningController {

    static final int DEFAULT_LIMIT = 20;

    private final QueryGateway queries;
    private final PersonalDataAccess access;

    RiskWarningController(QueryGateway queries, PersonalDataAccess access) {
        this.queries = queries;
        this.access = access;
    }

    @RolesAllowed(Names.SUPERVISOR)
    @GetMapping("/risk-warnings")
    RiskWarningsResponse warnings(ReaderContext reader, HttpServletRequest request,
                                  @RequestParam(required = false) String customerId,
                                  @RequestParam(required = false) String reason,
                                  @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to,
                                  @RequestParam(required = false) String cursor,
                                  @RequestParam(required = false) String limit) {
        return find(reader, request, customerId == null ? null : new CustomerId(customerId), reason, from, to,
                cursor, limit);
    }

    @RolesAllowed({Names.AGENT, Names.SUPERVISOR})
    @GetMapping("/customers/{customerId}/risk-warnings")
    RiskWarningsResponse customerWarnings(ReaderContext reader, HttpServletRequest request,
                                          @PathVariable String customerId,
                                          @RequestParam(required = false) String reason,
                                          @RequestParam(required = false) String from,
                                          @RequestParam(required = false) String to,
                                          @RequestParam(required = false) String cursor,
                                          @RequestParam(required = false) String limit) {
        return find(reader, request, new CustomerId(customerId), reason, from, to, cursor, limit);
    }

    private RiskWarningsResponse find(ReaderContext reader, HttpServletRequest request, CustomerId customer,
                                      String reason, String from, String to, String cursor, String limit) {
        QueryParameters.Window window = QueryParameters.window(from, to);
        QueryParameters.Keyset after = QueryParameters.decodeCursor(cursor);
        RiskWarningPage page = queries.query(new FindRiskWarnings(customer,
                        QueryParameters.enumeration("reason", reason, RiskReason.class), window.from(), window.to(),
                        after == null ? null : new RiskWarningCursor(after.at(), after.id()),
                        QueryParameters.integer("limit", limit, DEFAULT_LIMIT, 1, FindRiskWarnings.MAX_LIMIT)),
                ResponseTypes.instanceOf(RiskWarningPage.class)).join();
        // One customer's warnings are a read about that customer even when there are none.
        access.recordRead(reader, request, customer != null ? List.of(customer)
                : page.warnings().stream().map(RiskWarningView::customerId).toList(), "RISK_WARNINGS", null);
        RiskWarningCursor next = page.next();
        return new RiskWarningsResponse(page.warnings(),
                next == null ? null : QueryParameters.encodeCursor(next.raisedAt(), next.warningId()));
    }

    /** @param nextCursor pass as {@code cursor} for the next page; null on the last page */
    record RiskWarningsResponse(List<RiskWarningView> warnings, String nextCursor) {
    }
}

package com.interactionledger.query.audit;

import com.interactionledger.contracts.audit.AuditOutcome;
import com.interactionledger.contracts.audit.AuditPage;
import com.interactionledger.contracts.audit.FindAuditRecords;
import com.interactionledger.contracts.common.AccessRole.Names;
import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.contracts.common.Identifiers;
import com.interactionledger.projections.audit.AuditProjection;
import com.interactionledger.query.web.InvalidQueryParameterException;
import com.interactionledger.query.web.QueryParameters;
import com.interactionledger.query.web.ReadModel;
import jakarta.annotation.security.RolesAllowed;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail: every command with its outcome, every read of personal data, every request refused for who
 * sent it; newest first, filtered by actor, customer (commands, reads), time window, outcome (commands) and code
 * (refusals), paged by global position ({@code after} = the previous page's {@code nextAfter}).
 */
@RestController
@RolesAllowed(Names.REGULATOR)
@ReadModel(AuditProjection.PROCESSING_GROUP)
class AuditController {

    static final int DEFAULT_LIMIT = 50;

    private final QueryGateway queries;

    AuditController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/audit/commands")
    AuditPage<?> commands(@RequestParam(required = false) String actorId,
                          @RequestParam(required = false) String customerId,
                          @RequestParam(required = false) String from,
                          @RequestParam(required = false) String to,
                          @RequestParam(required = false) String outcome,
                          @RequestParam(required = false) String after,
                          @RequestParam(required = false) String limit) {
        return find(new Filter(FindAuditRecords.Kind.COMMANDS, actorId, customerId,
                QueryParameters.enumeration("outcome", outcome, AuditOutcome.class), null), from, to, after, limit);
    }

    @GetMapping("/audit/reads")
    AuditPage<?> reads(@RequestParam(required = false) String actorId,
                       @RequestParam(required = false) String customerId,
                       @RequestParam(required = false) String from,
                       @RequestParam(required = false) String to,
                       @RequestParam(required = false) String after,
                       @RequestParam(required = false) String limit) {
        return find(new Filter(FindAuditRecords.Kind.READS, actorId, customerId, null, null), from, to, after, limit);
    }

    /** Requests refused 401, 403 or 451, one record per caller, endpoint, code and minute; filtered by its minute. */
    @GetMapping("/audit/refusals")
    AuditPage<?> refusals(@RequestParam(required = false) String actorId,
                          @RequestParam(required = false) String code,
                          @RequestParam(required = false) String from,
                          @RequestParam(required = false) String to,
                          @RequestParam(required = false) String after,
                          @RequestParam(required = false) String limit) {
        ErrorCode errorCode = QueryParameters.enumeration("code", code, ErrorCode.class);
        return find(new Filter(FindAuditRecords.Kind.REFUSALS, actorId, null, null, errorCode), from, to, after, limit);
    }

    /** What a page of the trail is filtered by, besides its window and position. */
    private record Filter(FindAuditRecords.Kind kind, String actorId, String customerId, AuditOutcome outcome,
                          ErrorCode code) {
    }

    private AuditPage<?> find(Filter filter, String from, String to, String after, String limit) {
        String actorId = filter.actorId();
        String customerId = filter.customerId();
        if (actorId != null && !Identifiers.isValid(actorId)) {
            throw new InvalidQueryParameterException("actorId", "must be an identifier (" + Identifiers.PATTERN + ")");
        }
        QueryParameters.Window window = QueryParameters.window(from, to);
        // A global position: 64 bits, like every ledger position.
        Long afterPosition = QueryParameters.longInteger("after", after, 1, Long.MAX_VALUE);
        return queries.query(new FindAuditRecords(filter.kind(), actorId,
                        customerId == null ? null : new CustomerId(customerId), window.from(), window.to(),
                        filter.outcome(), filter.code(), afterPosition,
                        QueryParameters.integer("limit", limit, DEFAULT_LIMIT, 1, FindAuditRecords.MAX_LIMIT)),
                ResponseTypes.instanceOf(AuditPage.class)).join();
    }
}

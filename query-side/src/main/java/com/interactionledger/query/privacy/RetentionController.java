package com.interactionledger.query.privacy;

import com.interactionledger.contracts.common.AccessRole.Names;
import com.interactionledger.contracts.common.Identifiers;
import com.interactionledger.contracts.privacy.FindRetentionDue;
import com.interactionledger.contracts.privacy.RetentionReport;
import com.interactionledger.projections.privacy.PrivacyProjection;
import com.interactionledger.query.web.InvalidQueryParameterException;
import com.interactionledger.query.web.QueryParameters;
import com.interactionledger.query.web.ReadModel;
import jakarta.annotation.security.RolesAllowed;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;

/**
 * What is due for erasure: customers all of whose records are past their retention periods at {@code at} (default
 * now), not erased; those under legal hold listed with their holds, each with the rule that makes them due. The
 * retention job's dry run: with {@code ledger.privacy.retention.enforcement=erase} the job erases those due now and
 * under no hold; nothing is erased by this report.
 */
@RestController
@RolesAllowed(Names.ADMIN)
@ReadModel(PrivacyProjection.PROCESSING_GROUP)
class RetentionController {

    static final int DEFAULT_LIMIT = 100;

    private final QueryGateway queries;
    private final Clock clock;

    RetentionController(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/privacy/retention-report")
    RetentionReport report(@RequestParam(required = false) String at,
                           @RequestParam(required = false) String after,
                           @RequestParam(required = false) String limit) {
        Instant atInstant = QueryParameters.instant("at", at, clock);
        if (after != null && !Identifiers.isValid(after)) {
            throw new InvalidQueryParameterException("after", "must be a customer id from the previous page's next");
        }
        return queries.query(new FindRetentionDue(atInstant, after,
                        QueryParameters.integer("limit", limit, DEFAULT_LIMIT, 1, FindRetentionDue.MAX_LIMIT), false),
                ResponseTypes.instanceOf(RetentionReport.class)).join();
    }
}

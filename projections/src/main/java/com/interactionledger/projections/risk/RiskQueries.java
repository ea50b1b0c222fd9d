package com.interactionledger.projections.risk;

import com.interactionledger.contracts.risk.FindRiskWarnings;
import com.interactionledger.contracts.risk.RiskWarningCursor;
import com.interactionledger.contracts.risk.RiskWarningPage;
import com.interactionledger.contracts.risk.RiskWarningView;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;

/** Answers the early-warning queries. */
@Component
class RiskQueries {

    private final RiskTables tables;

    RiskQueries(RiskTables tables) {
        this.tables = tables;
    }

    @QueryHandler
    RiskWarningPage handle(FindRiskWarnings query) {
        if (query.limit() < 1 || query.limit() > FindRiskWarnings.MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + FindRiskWarnings.MAX_LIMIT);
        }
        List<RiskWarningView> fetched = tables.find(query, query.limit() + 1);
        boolean more = fetched.size() > query.limit();
        List<RiskWarningView> page = more ? fetched.subList(0, query.limit()) : fetched;
        RiskWarningView last = page.isEmpty() ? null : page.get(page.size() - 1);
        return new RiskWarningPage(List.copyOf(page), more ? new RiskWarningCursor(last.raisedAt(), last.warningId()) : null);
    }
}

package com.interactionledger.projections.risk;

import com.interactionledger.contracts.risk.FindRiskWarnings;
import com.interactionledger.contracts.risk.RiskWarningCursor;
import com.interactionledger.contracts.risk.RiskWarningPage;
import com.interactionledger.contracts.risk.RiskWarningView;
import com.interactionledger.projections.support.Page;
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
        Page<RiskWarningView> page = Page.read(query.limit(), FindRiskWarnings.MAX_LIMIT,
                fetch -> tables.find(query, fetch));
        return new RiskWarningPage(List.copyOf(page.rows()),
                page.next(last -> new RiskWarningCursor(last.raisedAt(), last.warningId())));
    }
}

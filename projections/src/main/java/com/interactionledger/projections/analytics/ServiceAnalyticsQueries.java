package com.interactionledger.projections.analytics;

import com.interactionledger.contracts.analytics.EfficiencyReport;
import com.interactionledger.contracts.analytics.FindSatisfaction;
import com.interactionledger.contracts.analytics.FindServiceEfficiency;
import com.interactionledger.contracts.analytics.SatisfactionReport;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;

/** Answers the satisfaction and service-efficiency queries. */
@Component
class ServiceAnalyticsQueries {

    private final ServiceAnalyticsTables tables;

    ServiceAnalyticsQueries(ServiceAnalyticsTables tables) {
        this.tables = tables;
    }

    @QueryHandler
    SatisfactionReport handle(FindSatisfaction query) {
        List<SessionFacts> sessions = tables.selected(query.filter());
        return new SatisfactionReport(AnalyticsCalculator.satisfaction(AnalyticsCalculator.ALL, sessions),
                query.groupBy() == null ? List.of()
                        : AnalyticsCalculator.byGroup(sessions, query.groupBy(), AnalyticsCalculator::satisfaction));
    }

    @QueryHandler
    EfficiencyReport handle(FindServiceEfficiency query) {
        List<SessionFacts> sessions = tables.selected(query.filter());
        return new EfficiencyReport(AnalyticsCalculator.efficiency(AnalyticsCalculator.ALL, sessions),
                query.groupBy() == null ? List.of()
                        : AnalyticsCalculator.byGroup(sessions, query.groupBy(), AnalyticsCalculator::efficiency));
    }
}

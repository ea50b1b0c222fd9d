package com.interactionledger.projections.analytics;

import com.interactionledger.contracts.analytics.AnalyticsDimension;
import com.interactionledger.contracts.analytics.EfficiencyReport;
import com.interactionledger.contracts.analytics.FindSatisfaction;
import com.interactionledger.contracts.analytics.FindServiceEfficiency;
import com.interactionledger.contracts.analytics.SatisfactionReport;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.BiFunction;

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
                groups(sessions, query.groupBy(), AnalyticsCalculator::satisfaction));
    }

    @QueryHandler
    EfficiencyReport handle(FindServiceEfficiency query) {
        List<SessionFacts> sessions = tables.selected(query.filter());
        return new EfficiencyReport(AnalyticsCalculator.efficiency(AnalyticsCalculator.ALL, sessions),
                groups(sessions, query.groupBy(), AnalyticsCalculator::efficiency));
    }

    /** The figures per group of the dimension; none when the query asks for no grouping. */
    private static <F> List<F> groups(List<SessionFacts> sessions, AnalyticsDimension groupBy,
                                      BiFunction<String, List<SessionFacts>, F> figures) {
        return groupBy == null ? List.of() : AnalyticsCalculator.byGroup(sessions, groupBy, figures);
    }
}

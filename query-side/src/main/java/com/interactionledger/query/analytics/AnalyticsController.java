package com.interactionledger.query.analytics;

import com.interactionledger.contracts.analytics.AnalyticsDimension;
import com.interactionledger.contracts.analytics.AnalyticsFilter;
import com.interactionledger.contracts.analytics.EfficiencyReport;
import com.interactionledger.contracts.analytics.FindSatisfaction;
import com.interactionledger.contracts.analytics.FindServiceEfficiency;
import com.interactionledger.contracts.analytics.JourneySegment;
import com.interactionledger.contracts.analytics.SatisfactionReport;
import com.interactionledger.contracts.common.AccessRole.Names;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.projections.analytics.ServiceAnalyticsProjection;
import com.interactionledger.query.web.FigureWindows;
import com.interactionledger.query.web.QueryParameters;
import com.interactionledger.query.web.ReadModel;
import jakarta.annotation.security.RolesAllowed;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Satisfaction and service efficiency for analysts and supervisors: aggregates only (no customer, no text), for the
 * sessions the filters select, overall and per group. Grouping dimensions: channel, agent, queue, intent, product,
 * segment, continuation, day, week, month.
 */
@RestController
@RolesAllowed({Names.SUPERVISOR, Names.ANALYST})
@ReadModel(ServiceAnalyticsProjection.PROCESSING_GROUP)
class AnalyticsController {

    private final QueryGateway queries;
    private final FigureWindows windows;

    AnalyticsController(QueryGateway queries, FigureWindows windows) {
        this.queries = queries;
        this.windows = windows;
    }

    /**
     * The filters every analytics endpoint takes, each optional.
     *
     * @param from      sessions started at or after (ISO instant); the window is at most {@link FigureWindows} long
     * @param to        sessions started before (ISO instant)
     * @param continued true: continued journeys only; false: single-channel sessions only
     */
    record Filters(String from, String to, String channel, String agent, String queue, String intent,
                   String product, String segment, String continued) {

        AnalyticsFilter parse(FigureWindows windows) {
            QueryParameters.Window window = windows.of(from, to);
            return new AnalyticsFilter(window.from(), window.to(),
                    QueryParameters.enumeration("channel", channel, Channel.class), agent, queue, intent, product,
                    QueryParameters.enumeration("segment", segment, JourneySegment.class),
                    QueryParameters.bool("continued", continued));
        }
    }

    @GetMapping("/analytics/satisfaction")
    SatisfactionReport satisfaction(@ModelAttribute Filters filters,
                                    @RequestParam(required = false) String groupBy) {
        return queries.query(new FindSatisfaction(filters.parse(windows), dimension(groupBy)),
                ResponseTypes.instanceOf(SatisfactionReport.class)).join();
    }

    @GetMapping("/analytics/service-efficiency")
    EfficiencyReport efficiency(@ModelAttribute Filters filters,
                                @RequestParam(required = false) String groupBy) {
        return queries.query(new FindServiceEfficiency(filters.parse(windows), dimension(groupBy)),
                ResponseTypes.instanceOf(EfficiencyReport.class)).join();
    }

    private static AnalyticsDimension dimension(String groupBy) {
        return QueryParameters.enumeration("groupBy", groupBy, AnalyticsDimension.class);
    }
}

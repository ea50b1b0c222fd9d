package com.interactionledger.projections.privacy;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.complaint.Jurisdiction;
import com.interactionledger.contracts.privacy.FindRetentionDue;
import com.interactionledger.contracts.privacy.RetentionReport;
import com.interactionledger.projections.freshness.ReadModelFreshness;
import com.interactionledger.projections.support.Page;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The retention report, from the privacy read model and the configured periods: who is due, since when, by which
 * rule. The retention job erases from it; run as a report, it is the job's dry run.
 */
@Component
class PrivacyQueries {

    /** How long a query for the retention job waits for the read model to reach the head. */
    static final Duration CATCH_UP = Duration.ofMinutes(1);

    private final PrivacyTables tables;
    private final RetentionPeriods periods;
    private final ReadModelFreshness freshness;

    PrivacyQueries(PrivacyTables tables, RetentionPeriods periods, ReadModelFreshness freshness) {
        this.tables = tables;
        this.periods = periods;
        this.freshness = freshness;
    }

    @QueryHandler
    RetentionReport handle(FindRetentionDue query) {
        if (query.upToTheHead()) {
            long head = freshness.headPosition();
            if (freshness.await(PrivacyProjection.PROCESSING_GROUP, head, CATCH_UP).position() < head) {
                throw new IllegalStateException("the privacy read model did not reach position " + head
                        + " within " + CATCH_UP + ": no retention decision is taken from a read model behind");
            }
        }
        Map<Jurisdiction, Instant> cutoffs = new EnumMap<>(Jurisdiction.class);
        periods.complaintsByJurisdiction().forEach((jurisdiction, period) ->
                cutoffs.put(jurisdiction, RetentionPeriods.cutoff(query.at(), period)));
        Page<PrivacyTables.Activity> page = Page.read(query.limit(), FindRetentionDue.MAX_LIMIT,
                fetch -> tables.inactiveSince(RetentionPeriods.cutoff(query.at(), periods.sessions()), cutoffs,
                        RetentionPeriods.cutoff(query.at(), periods.complaints()),
                        RetentionPeriods.cutoff(query.at(), periods.complaints(null)), query.after(), fetch));
        List<String> customers = page.rows().stream().map(PrivacyTables.Activity::customerId).toList();
        Map<String, List<String>> holds = tables.holdsOf(customers);
        Map<String, Map<Jurisdiction, Instant>> complaints = tables.complaintActivity(customers);
        List<RetentionReport.Due> due = new ArrayList<>();
        for (PrivacyTables.Activity row : page.rows()) {
            RetentionPeriods.Rule rule = periods.ruleFor(row.lastSessionAt(),
                    complaints.getOrDefault(row.customerId(), Map.of()));
            due.add(new RetentionReport.Due(new CustomerId(row.customerId()), rule.dueSince(), row.lastSessionAt(),
                    row.lastComplaintAt(), row.restricted(), holds.getOrDefault(row.customerId(), List.of()),
                    rule.text()));
        }
        return new RetentionReport(query.at(), periods.describe(), due, page.next(PrivacyTables.Activity::customerId));
    }
}

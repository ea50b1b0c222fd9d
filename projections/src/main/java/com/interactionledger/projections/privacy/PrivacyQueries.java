package com.interactionledger.projections.privacy;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.privacy.FindRetentionDue;
import com.interactionledger.contracts.privacy.RetentionReport;
import com.interactionledger.projections.support.Page;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The retention report, from the privacy read model and the configured periods. */
@Component
class PrivacyQueries {

    private final PrivacyTables tables;
    private final RetentionPeriods periods;

    PrivacyQueries(PrivacyTables tables, RetentionPeriods periods) {
        this.tables = tables;
        this.periods = periods;
    }

    @QueryHandler
    RetentionReport handle(FindRetentionDue query) {
        Page<PrivacyTables.Activity> page = Page.read(query.limit(), FindRetentionDue.MAX_LIMIT,
                fetch -> tables.inactiveSince(RetentionPeriods.cutoff(query.at(), periods.sessions()),
                        RetentionPeriods.cutoff(query.at(), periods.complaints()), query.after(), fetch));
        Map<String, List<String>> holds = tables.holdsOf(page.rows().stream().map(PrivacyTables.Activity::customerId)
                .toList());
        List<RetentionReport.Due> due = new ArrayList<>();
        for (PrivacyTables.Activity row : page.rows()) {
            due.add(new RetentionReport.Due(new CustomerId(row.customerId()), dueSince(row), row.lastSessionAt(),
                    row.lastComplaintAt(), row.restricted(), holds.getOrDefault(row.customerId(), List.of())));
        }
        return new RetentionReport(query.at(), List.of("sessions " + periods.sessions(),
                "complaints " + periods.complaints()), due, page.next(PrivacyTables.Activity::customerId));
    }

    /** When the last of the customer's record types passed its period. */
    private Instant dueSince(PrivacyTables.Activity row) {
        Instant sessions = row.lastSessionAt() == null ? Instant.MIN
                : RetentionPeriods.due(row.lastSessionAt(), periods.sessions());
        Instant complaints = row.lastComplaintAt() == null ? Instant.MIN
                : RetentionPeriods.due(row.lastComplaintAt(), periods.complaints());
        return sessions.isAfter(complaints) ? sessions : complaints;
    }
}

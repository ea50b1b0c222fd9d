package com.interactionledger.command.complaint;

import com.interactionledger.contracts.complaint.CalendarVersion;
import com.interactionledger.contracts.complaint.ComplaintClocksSet;
import com.interactionledger.contracts.complaint.ComplaintId;
import com.interactionledger.contracts.complaint.ComplaintReferred;
import com.interactionledger.contracts.complaint.ComplaintResolved;
import com.interactionledger.contracts.complaint.Jurisdiction;
import com.interactionledger.contracts.privacy.CustomerErased;
import com.interactionledger.ledger.append.AppendHook;
import com.interactionledger.ledger.append.StoredAppend;
import com.interactionledger.ledger.stored.Placeholders;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the table of open complaints whose recorded clocks are provisional ({@code complaint_provisional_clocks}),
 * with the coverage of the calendar they were worked out with. A hook of the append path, like
 * {@link ComplaintClockWatch}: it changes in the transaction that stores the complaint's events, so a calendar
 * update finds exactly the complaints the ledger says have provisional clocks, no more, no fewer.
 */
@Component
class ProvisionalClocks implements AppendHook {

    private final JdbcTemplate jdbc;

    ProvisionalClocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The batch's events are applied in memory, in order, and their net effect written in at most three statements
     * (as {@link ComplaintClockWatch} does, for the same reason: imports bring thousands of complaints a second).
     */
    @Override
    public void stored(List<StoredAppend> appends, JdbcTemplate transaction) {
        Map<String, Object[]> rows = new LinkedHashMap<>(); // complaint -> its row, or null: none
        Set<String> erased = new LinkedHashSet<>();
        for (StoredAppend append : appends) {
            for (EventMessage<?> event : append.events()) {
                Object payload = event.getPayload();
                if (payload instanceof ComplaintClocksSet set) {
                    CalendarVersion calendar = set.calendar();
                    rows.put(set.complaintId().value(), !set.provisional() ? null : new Object[] {
                            set.complaintId().value(), set.customerId().value(),
                            set.clocks().get(0).type().jurisdiction().name(),
                            calendar == null ? null : Date.valueOf(calendar.coveredUntil())});
                } else if (payload instanceof ComplaintResolved resolved) {
                    rows.put(resolved.complaintId().value(), null);
                } else if (payload instanceof ComplaintReferred referred) {
                    rows.put(referred.complaintId().value(), null);
                } else if (payload instanceof CustomerErased gone) {
                    // Nothing more can be appended for an erased customer: no recomputation to look for.
                    erased.add(gone.customerId().value());
                    rows.replaceAll((complaint, row) -> row != null && gone.customerId().value().equals(row[1])
                            ? null : row);
                }
            }
        }
        if (!rows.isEmpty()) {
            transaction.update("DELETE FROM complaint_provisional_clocks WHERE complaint_id IN ("
                    + Placeholders.of(rows.size()) + ")", rows.keySet().toArray());
            List<Object[]> inserts = rows.values().stream().filter(java.util.Objects::nonNull).toList();
            if (!inserts.isEmpty()) {
                transaction.batchUpdate("INSERT INTO complaint_provisional_clocks (complaint_id, customer_id,"
                        + " jurisdiction, calendar_covered_until) VALUES (?, ?, ?, ?)", inserts);
            }
        }
        if (!erased.isEmpty()) {
            transaction.update("DELETE FROM complaint_provisional_clocks WHERE customer_id IN ("
                    + Placeholders.of(erased.size()) + ")", erased.toArray());
        }
    }

    /**
     * The complaints of {@code jurisdiction} whose provisional clocks were worked out with a calendar covering less
     * than {@code coveredUntil} (or one not recorded), at most {@code limit} of them.
     */
    List<ComplaintId> computedWithLessThan(Jurisdiction jurisdiction, LocalDate coveredUntil, int limit) {
        return jdbc.query("SELECT complaint_id FROM complaint_provisional_clocks WHERE jurisdiction = ?"
                        + " AND (calendar_covered_until IS NULL OR calendar_covered_until < ?) ORDER BY complaint_id"
                        + " LIMIT ?", (rs, row) -> new ComplaintId(rs.getString(1)),
                jurisdiction.name(), Date.valueOf(coveredUntil), limit);
    }
}

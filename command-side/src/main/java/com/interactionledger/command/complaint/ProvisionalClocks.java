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
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

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

    @Override
    public void stored(List<StoredAppend> appends, JdbcTemplate transaction) {
        for (StoredAppend append : appends) {
            for (EventMessage<?> event : append.events()) {
                Object payload = event.getPayload();
                if (payload instanceof ComplaintClocksSet set) {
                    forget(transaction, set.complaintId());
                    if (set.provisional()) {
                        CalendarVersion calendar = set.calendar();
                        transaction.update("INSERT INTO complaint_provisional_clocks (complaint_id, customer_id,"
                                        + " jurisdiction, calendar_covered_until) VALUES (?, ?, ?, ?)",
                                set.complaintId().value(), set.customerId().value(),
                                set.clocks().get(0).type().jurisdiction().name(),
                                calendar == null ? null : Date.valueOf(calendar.coveredUntil()));
                    }
                } else if (payload instanceof ComplaintResolved resolved) {
                    forget(transaction, resolved.complaintId());
                } else if (payload instanceof ComplaintReferred referred) {
                    forget(transaction, referred.complaintId());
                } else if (payload instanceof CustomerErased erased) {
                    // Nothing more can be appended for an erased customer: no recomputation to look for.
                    transaction.update("DELETE FROM complaint_provisional_clocks WHERE customer_id = ?",
                            erased.customerId().value());
                }
            }
        }
    }

    private static void forget(JdbcTemplate jdbc, ComplaintId complaint) {
        jdbc.update("DELETE FROM complaint_provisional_clocks WHERE complaint_id = ?", complaint.value());
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

package com.interactionledger.command.complaint;

import com.interactionledger.contracts.complaint.ClockType;
import com.interactionledger.contracts.complaint.ComplaintClocksSet;
import com.interactionledger.contracts.complaint.ComplaintDeadlineApproaching;
import com.interactionledger.contracts.complaint.ComplaintDeadlineBreached;
import com.interactionledger.contracts.complaint.ComplaintHoldingResponseSent;
import com.interactionledger.contracts.complaint.ComplaintReferred;
import com.interactionledger.contracts.complaint.ComplaintResolved;
import com.interactionledger.contracts.complaint.RegulatoryClock;
import com.interactionledger.command.ledger.AppendHook;
import com.interactionledger.command.ledger.StoredAppend;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Keeps the table of complaint clocks that can still run out. A hook of the append path: it runs in the transaction
 * that stores the complaint's events, so the table never disagrees with the events; it never replays, so nothing
 * here can make a deadline fire twice; and if it fails, the command fails rather than a clock being lost.
 */
@Component
class ComplaintClockWatch implements AppendHook {

    private final JdbcTemplate jdbc;

    ComplaintClockWatch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Complaint events are few beside the dialogue's; each is applied with its own statements. */
    @Override
    public void stored(List<StoredAppend> appends) {
        for (StoredAppend append : appends) {
            for (EventMessage<?> event : append.events()) {
                Object payload = event.getPayload();
                if (payload instanceof ComplaintClocksSet set) {
                    on(set);
                } else if (payload instanceof ComplaintHoldingResponseSent sent) {
                    on(sent);
                } else if (payload instanceof ComplaintDeadlineApproaching approaching) {
                    on(approaching);
                } else if (payload instanceof ComplaintDeadlineBreached breached) {
                    on(breached);
                } else if (payload instanceof ComplaintResolved resolved) {
                    on(resolved);
                } else if (payload instanceof ComplaintReferred referred) {
                    on(referred);
                }
            }
        }
    }

    /** New clocks replace the old; a clock whose due date did not change keeps its warning. */
    void on(ComplaintClocksSet event) {
        String complaint = event.complaintId().value();
        Map<String, Boolean> warned = jdbc.query("SELECT clock_type, due_at, warning_recorded FROM complaint_clock_watch"
                        + " WHERE complaint_id = ?", (rs, row) -> Map.entry(
                        rs.getString(1) + "@" + rs.getTimestamp(2).toInstant(), rs.getBoolean(3)), complaint)
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        jdbc.update("DELETE FROM complaint_clock_watch WHERE complaint_id = ?", complaint);
        for (RegulatoryClock clock : event.clocks()) {
            if (clock.breachable() && !clock.paused()) {
                jdbc.update("INSERT INTO complaint_clock_watch (complaint_id, clock_type, due_at, warning_recorded)"
                                + " VALUES (?, ?, ?, ?)", complaint, clock.type().name(), Timestamp.from(clock.dueAt()),
                        warned.getOrDefault(clock.type().name() + "@" + clock.dueAt(), false));
            }
        }
    }

    void on(ComplaintHoldingResponseSent event) {
        forget(event.complaintId().value(), List.of(ClockType.CFPB_RESPONSE));
    }

    void on(ComplaintDeadlineApproaching event) {
        jdbc.update("UPDATE complaint_clock_watch SET warning_recorded = TRUE WHERE complaint_id = ? AND clock_type = ?",
                event.complaintId().value(), event.clock().name());
    }

    void on(ComplaintDeadlineBreached event) {
        forget(event.complaintId().value(), List.of(event.clock()));
    }

    /** A final response, or a referral, stops every clock of the complaint. */
    void on(ComplaintResolved event) {
        forgetAll(event.complaintId().value());
    }

    void on(ComplaintReferred event) {
        forgetAll(event.complaintId().value());
    }

    private void forget(String complaint, List<ClockType> clocks) {
        for (ClockType clock : clocks) {
            jdbc.update("DELETE FROM complaint_clock_watch WHERE complaint_id = ? AND clock_type = ?", complaint,
                    clock.name());
        }
    }

    private void forgetAll(String complaint) {
        jdbc.update("DELETE FROM complaint_clock_watch WHERE complaint_id = ?", complaint);
    }

    /** A clock due to be looked at. */
    record WatchedClock(String complaintId, ClockType clock, Instant dueAt, boolean warningRecorded) {
    }

    /** Clocks that have run out, or will within {@code lead}, as seen at {@code now}. */
    List<WatchedClock> dueBy(Instant now, java.time.Duration lead) {
        return jdbc.query("SELECT complaint_id, clock_type, due_at, warning_recorded FROM complaint_clock_watch"
                        + " WHERE due_at <= ? AND (due_at <= ? OR NOT warning_recorded) ORDER BY due_at",
                (rs, row) -> new WatchedClock(rs.getString(1), ClockType.valueOf(rs.getString(2)),
                        rs.getTimestamp(3).toInstant(), rs.getBoolean(4)),
                Timestamp.from(now.plus(lead)), Timestamp.from(now));
    }
}

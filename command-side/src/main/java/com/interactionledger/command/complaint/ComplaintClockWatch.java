package com.interactionledger.command.complaint;

import com.interactionledger.contracts.complaint.ClockType;
import com.interactionledger.contracts.complaint.ComplaintClocksSet;
import com.interactionledger.contracts.complaint.ComplaintDeadlineApproaching;
import com.interactionledger.contracts.complaint.ComplaintDeadlineBreached;
import com.interactionledger.contracts.complaint.ComplaintHoldingResponseSent;
import com.interactionledger.contracts.complaint.ComplaintReferred;
import com.interactionledger.contracts.complaint.ComplaintResolved;
import com.interactionledger.contracts.complaint.RegulatoryClock;
import com.interactionledger.ledger.append.AppendHook;
import com.interactionledger.ledger.append.StoredAppend;
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
    public void stored(List<StoredAppend> appends, JdbcTemplate transaction) {
        for (StoredAppend append : appends) {
            for (EventMessage<?> event : append.events()) {
                Object payload = event.getPayload();
                if (payload instanceof ComplaintClocksSet set) {
                    on(transaction, set);
                } else if (payload instanceof ComplaintHoldingResponseSent sent) {
                    on(transaction, sent);
                } else if (payload instanceof ComplaintDeadlineApproaching approaching) {
                    on(transaction, approaching);
                } else if (payload instanceof ComplaintDeadlineBreached breached) {
                    on(transaction, breached);
                } else if (payload instanceof ComplaintResolved resolved) {
                    on(transaction, resolved);
                } else if (payload instanceof ComplaintReferred referred) {
                    on(transaction, referred);
                }
            }
        }
    }

    /** New clocks replace the old; a clock whose due date did not change keeps its warning. */
    private static void on(JdbcTemplate jdbc, ComplaintClocksSet event) {
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

    private static void on(JdbcTemplate jdbc, ComplaintHoldingResponseSent event) {
        forget(jdbc, event.complaintId().value(), List.of(ClockType.CFPB_RESPONSE));
    }

    private static void on(JdbcTemplate jdbc, ComplaintDeadlineApproaching event) {
        jdbc.update("UPDATE complaint_clock_watch SET warning_recorded = TRUE WHERE complaint_id = ? AND clock_type = ?",
                event.complaintId().value(), event.clock().name());
    }

    private static void on(JdbcTemplate jdbc, ComplaintDeadlineBreached event) {
        forget(jdbc, event.complaintId().value(), List.of(event.clock()));
    }

    /** A final response, or a referral, stops every clock of the complaint. */
    private static void on(JdbcTemplate jdbc, ComplaintResolved event) {
        forgetAll(jdbc, event.complaintId().value());
    }

    private static void on(JdbcTemplate jdbc, ComplaintReferred event) {
        forgetAll(jdbc, event.complaintId().value());
    }

    private static void forget(JdbcTemplate jdbc, String complaint, List<ClockType> clocks) {
        for (ClockType clock : clocks) {
            jdbc.update("DELETE FROM complaint_clock_watch WHERE complaint_id = ? AND clock_type = ?", complaint,
                    clock.name());
        }
    }

    private static void forgetAll(JdbcTemplate jdbc, String complaint) {
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

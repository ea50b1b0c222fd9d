package com.interactionledger.command.complaint;

import com.interactionledger.contracts.complaint.ClockType;
import com.interactionledger.contracts.complaint.ComplaintClocksSet;
import com.interactionledger.contracts.complaint.ComplaintDeadlineApproaching;
import com.interactionledger.contracts.complaint.ComplaintDeadlineBreached;
import com.interactionledger.contracts.complaint.ComplaintEvent;
import com.interactionledger.contracts.complaint.ComplaintHoldingResponseSent;
import com.interactionledger.contracts.complaint.ComplaintReferred;
import com.interactionledger.contracts.complaint.ComplaintResolved;
import com.interactionledger.contracts.complaint.RegulatoryClock;
import com.interactionledger.ledger.append.AppendHook;
import com.interactionledger.ledger.append.StoredAppend;
import com.interactionledger.ledger.stored.Placeholders;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /**
     * The batch's complaint events are applied in memory, in order, to the rows of the complaints they touch (read
     * in one statement), and the result written back in two: an import brings thousands of complaints a second
     * through here, under the chain's head lock, where a statement per event would set the pace.
     */
    @Override
    public void stored(List<StoredAppend> appends, JdbcTemplate transaction) {
        List<Object> events = new ArrayList<>();
        Set<String> touched = new LinkedHashSet<>();
        for (StoredAppend append : appends) {
            for (EventMessage<?> event : append.events()) {
                Object payload = event.getPayload();
                String complaint = complaintOf(payload);
                if (complaint != null) {
                    events.add(payload);
                    touched.add(complaint);
                }
            }
        }
        if (touched.isEmpty()) {
            return;
        }
        Map<String, Map<ClockType, Watched>> rows = read(transaction, touched);
        events.forEach(event -> apply(rows, event));
        transaction.update("DELETE FROM complaint_clock_watch WHERE complaint_id IN ("
                + Placeholders.of(touched.size()) + ")", touched.toArray());
        List<Object[]> inserts = new ArrayList<>();
        rows.forEach((complaint, clocks) -> clocks.forEach((type, watched) -> inserts.add(new Object[] {
                complaint, type.name(), Timestamp.from(watched.dueAt()), watched.warned()})));
        if (!inserts.isEmpty()) {
            transaction.batchUpdate("INSERT INTO complaint_clock_watch (complaint_id, clock_type, due_at,"
                    + " warning_recorded) VALUES (?, ?, ?, ?)", inserts);
        }
    }

    private record Watched(Instant dueAt, boolean warned) {
    }

    private static String complaintOf(Object payload) {
        if (payload instanceof ComplaintClocksSet || payload instanceof ComplaintHoldingResponseSent
                || payload instanceof ComplaintDeadlineApproaching || payload instanceof ComplaintDeadlineBreached
                || payload instanceof ComplaintResolved || payload instanceof ComplaintReferred) {
            return ((ComplaintEvent) payload).complaintId().value();
        }
        return null;
    }

    private static Map<String, Map<ClockType, Watched>> read(JdbcTemplate jdbc, Set<String> complaints) {
        Map<String, Map<ClockType, Watched>> rows = new LinkedHashMap<>();
        complaints.forEach(complaint -> rows.put(complaint, new EnumMap<>(ClockType.class)));
        jdbc.query("SELECT complaint_id, clock_type, due_at, warning_recorded FROM complaint_clock_watch"
                + " WHERE complaint_id IN (" + Placeholders.of(complaints.size()) + ")", rs -> {
                    rows.get(rs.getString(1)).put(ClockType.valueOf(rs.getString(2)),
                            new Watched(rs.getTimestamp(3).toInstant(), rs.getBoolean(4)));
                }, complaints.toArray());
        return rows;
    }

    /** What one event does to its complaint's watched clocks. */
    private static void apply(Map<String, Map<ClockType, Watched>> rows, Object event) {
        Map<ClockType, Watched> clocks = rows.get(complaintOf(event));
        if (event instanceof ComplaintClocksSet set) {
            // New clocks replace the old; a clock whose due date did not change keeps its warning.
            Map<ClockType, Watched> before = new EnumMap<>(clocks);
            clocks.clear();
            for (RegulatoryClock clock : set.clocks()) {
                if (clock.breachable() && !clock.paused()) {
                    Watched was = before.get(clock.type());
                    clocks.put(clock.type(), new Watched(clock.dueAt(),
                            was != null && was.dueAt().equals(clock.dueAt()) && was.warned()));
                }
            }
        } else if (event instanceof ComplaintHoldingResponseSent) {
            clocks.remove(ClockType.CFPB_RESPONSE);
        } else if (event instanceof ComplaintDeadlineApproaching approaching) {
            clocks.computeIfPresent(approaching.clock(), (type, watched) -> new Watched(watched.dueAt(), true));
        } else if (event instanceof ComplaintDeadlineBreached breached) {
            clocks.remove(breached.clock());
        } else {
            // a final response, or a referral, stops every clock of the complaint
            clocks.clear();
        }
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

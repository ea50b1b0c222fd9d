package com.interactionledger.command.complaint;

import com.interactionledger.contracts.complaint.ClockType;
import com.interactionledger.contracts.complaint.Jurisdiction;
import com.interactionledger.contracts.complaint.RegulatoryClock;
import com.interactionledger.contracts.complaint.ServiceRegime;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The regulatory clocks of a complaint, computed from its facts alone (when it was received, under which rules,
 * when it waited for the customer, how far it was extended, whether a holding reply went out) and the
 * jurisdiction's business calendar. Pure: no clock, no randomness, the same facts always give the same clocks.
 * <ul>
 *   <li><b>UK FCA</b> (England &amp; Wales business days). DISP 1.5: resolved by the close of the 3rd business
 *       day after the day of receipt, a complaint may close with a summary resolution communication (a window, not
 *       a breachable deadline). DISP 1.6.2R: final response within 8 weeks of receipt. DISP 1.6.2AR, payment
 *       services and e-money: 15 business days after the day of receipt, 35 if the bank sent a holding reply for
 *       exceptional reasons and extended. The FCA clocks never stop while waiting for the customer.</li>
 *   <li><b>US CFPB</b> (calendar days): a response within 15 days of receipt (a final response, or marked in
 *       progress with a holding reply), and a final response within 60 days. No pause, no extension.</li>
 *   <li><b>China NFRA</b> (calendar days): a decision within 15 days of receipt, 30 with a first extension for
 *       complex cases, 60 with a second, approved one. Days on which the complaint waits for supplementary material
 *       from the customer do not count (a day counts unless the complaint is waiting at its end). If the last day
 *       falls on a rest day, the period ends on the next working day (PRC Civil Code art. 203), taking the
 *       weekend days worked in exchange for holidays into account.</li>
 * </ul>
 * Days are counted from the day after receipt (the day of receipt is not counted), in the jurisdiction's time
 * zone; a clock is due at the end of its due date. A clock that depends on days beyond the calendar's coverage is
 * {@linkplain RegulatoryClock#provisional() provisional}; clocks of calendar days or weeks never are (they need no
 * holidays).
 */
public final class DeadlinePolicy {

    /** A period during which the complaint waited for the customer; {@code until} is null while it still waits. */
    public record Pause(Instant from, Instant until) {
        boolean activeAt(Instant instant) {
            return !instant.isBefore(from) && (until == null || instant.isBefore(until));
        }
    }

    /** Everything the clocks depend on. */
    public record ComplaintFacts(Jurisdiction jurisdiction, ServiceRegime regime, Instant receivedAt,
                                 List<Pause> pauses, int extensionTier, boolean holdingResponseSent) {
    }

    private DeadlinePolicy() {
    }

    /** Whether waiting for the customer stops the clocks in this jurisdiction. */
    public static boolean pausesWhileAwaitingCustomer(Jurisdiction jurisdiction) {
        return jurisdiction == Jurisdiction.CN_NFRA;
    }

    /** The highest extension tier the rules allow (0: none). */
    public static int maxExtensionTier(Jurisdiction jurisdiction, ServiceRegime regime) {
        return switch (jurisdiction) {
            case CN_NFRA -> 2;
            case UK_FCA -> regime == ServiceRegime.GENERAL ? 0 : 1;
            case US_CFPB -> 0;
        };
    }

    public static List<RegulatoryClock> clocks(ComplaintFacts facts, ComplaintCalendars calendars) {
        BusinessCalendar calendar = calendars.of(facts.jurisdiction());
        LocalDate receipt = calendar.dateOf(facts.receivedAt());
        return switch (facts.jurisdiction()) {
            case UK_FCA -> fca(facts, calendar, receipt);
            case US_CFPB -> List.of(
                    calendarDays(ClockType.CFPB_RESPONSE, calendar, receipt, 15,
                            "CFPB: a response (final, or in progress) within 15 calendar days"),
                    calendarDays(ClockType.CFPB_FINAL_RESPONSE, calendar, receipt, 60,
                            "CFPB: a final response within 60 calendar days"));
            case CN_NFRA -> List.of(nfra(facts, calendar, receipt));
        };
    }

    private static List<RegulatoryClock> fca(ComplaintFacts facts, BusinessCalendar calendar, LocalDate receipt) {
        List<RegulatoryClock> clocks = new ArrayList<>();
        clocks.add(businessDays(ClockType.FCA_SUMMARY_RESOLUTION, false, calendar, receipt, 3,
                "DISP 1.5: summary resolution possible until the close of the 3rd business day after receipt"));
        if (facts.regime() == ServiceRegime.GENERAL) {
            LocalDate due = receipt.plusWeeks(8);
            clocks.add(new RegulatoryClock(ClockType.FCA_FINAL_RESPONSE, due, calendar.endOf(due), false, true,
                    "DISP 1.6.2R: final response within 8 weeks of receipt on " + receipt));
        } else if (facts.extensionTier() > 0) {
            clocks.add(businessDays(ClockType.FCA_PSD_FINAL_RESPONSE, true, calendar, receipt, 35,
                    "DISP 1.6.2AR: final response within 35 business days (holding reply, exceptional circumstances)"));
        } else {
            clocks.add(businessDays(ClockType.FCA_PSD_FINAL_RESPONSE, true, calendar, receipt, 15,
                    "DISP 1.6.2AR: final response within 15 business days"));
        }
        return clocks;
    }

    private static RegulatoryClock nfra(ComplaintFacts facts, BusinessCalendar calendar, LocalDate receipt) {
        int days = switch (facts.extensionTier()) {
            case 0 -> 15;
            case 1 -> 30;
            default -> 60;
        };
        StringBuilder basis = new StringBuilder("NFRA consumer complaint measures: decision within ").append(days)
                .append(" days of receipt on ").append(receipt);
        if (facts.extensionTier() == 1) {
            basis.append(" (extended: complex case)");
        } else if (facts.extensionTier() >= 2) {
            basis.append(" (extended twice: especially complex case, approved)");
        }
        LocalDate day = receipt;
        int counted = 0;
        int paused = 0;
        while (counted < days) {
            day = day.plusDays(1);
            Instant endOfDay = calendar.endOf(day);
            Pause pause = facts.pauses().stream().filter(p -> p.activeAt(endOfDay)).findFirst().orElse(null);
            if (pause == null) {
                counted++;
            } else if (pause.until() == null) {
                basis.append("; stopped since ").append(calendar.dateOf(pause.from()))
                        .append(" while waiting for the customer (").append(counted).append(" of ").append(days)
                        .append(" days used)");
                return new RegulatoryClock(ClockType.NFRA_DECISION, null, null, true, true, basis.toString());
            } else {
                paused++;
            }
        }
        if (paused > 0) {
            basis.append("; ").append(paused).append(paused == 1 ? " day" : " days")
                    .append(" not counted while waiting for the customer");
        }
        LocalDate last = day;
        boolean uncovered = false;
        while (!calendar.isBusinessDay(day)) {
            uncovered |= !calendar.covers(day);
            day = day.plusDays(1);
        }
        uncovered |= !calendar.covers(day);
        if (!day.equals(last)) {
            basis.append("; last day ").append(last).append(" is a rest day, so the period ends on the next working day (Civil Code art. 203)");
        }
        appendCoverage(basis, calendar, uncovered);
        return new RegulatoryClock(ClockType.NFRA_DECISION, day, calendar.endOf(day), false, true, uncovered,
                basis.toString());
    }

    private static RegulatoryClock calendarDays(ClockType type, BusinessCalendar calendar, LocalDate receipt,
                                                int days, String rule) {
        LocalDate due = receipt.plusDays(days);
        return new RegulatoryClock(type, due, calendar.endOf(due), false, true, rule + " of receipt on " + receipt);
    }

    private static RegulatoryClock businessDays(ClockType type, boolean breachable, BusinessCalendar calendar,
                                                LocalDate receipt, int days, String rule) {
        LocalDate day = receipt;
        boolean uncovered = false;
        for (int counted = 0; counted < days; ) {
            day = day.plusDays(1);
            uncovered |= !calendar.covers(day);
            if (calendar.isBusinessDay(day)) {
                counted++;
            }
        }
        StringBuilder basis = new StringBuilder(rule).append(", after receipt on ").append(receipt)
                .append(" (").append(calendar.name()).append(" business days)");
        appendCoverage(basis, calendar, uncovered);
        return new RegulatoryClock(type, day, calendar.endOf(day), false, breachable, uncovered, basis.toString());
    }

    /**
     * A clock that needed days the calendar does not know is still given a date, counting only weekends as rest
     * days there (the most a bank can know before the holidays are published), and is marked provisional: the
     * complaint works it out again once a calendar covers those days.
     */
    private static void appendCoverage(StringBuilder basis, BusinessCalendar calendar, boolean uncovered) {
        if (uncovered) {
            basis.append("; PROVISIONAL: the ").append(calendar.name()).append(" calendar covers ")
                    .append(calendar.coveredFrom()).append(" to ").append(calendar.coveredUntil())
                    .append(", beyond that only weekends are known; worked out again when the calendar is extended");
        }
    }
}

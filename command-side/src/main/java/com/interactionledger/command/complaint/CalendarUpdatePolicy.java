package com.interactionledger.command.complaint;

import com.interactionledger.contracts.complaint.CalendarVersion;
import com.interactionledger.contracts.complaint.RegulatoryClock;

import java.util.List;

/**
 * When a newer business calendar means a complaint's clocks must be worked out again: only when one of them is
 * provisional (it needed days its calendar did not know) and the calendar now at hand knows more days than the one
 * they were worked out with. Clocks computed within coverage stay as recorded: the bank worked to them. A calendar
 * that covers no further changes nothing, so two instances with different calendars during an upgrade can only
 * move a complaint forward, to the calendar that covers more, never back and forth.
 */
final class CalendarUpdatePolicy {

    private CalendarUpdatePolicy() {
    }

    /**
     * @param clocks       the clocks as last recorded
     * @param computedWith the calendar they were worked out with, or null when not recorded (before revision 2 of
     *                     ComplaintClocksSet): then any calendar at hand is worth a look
     * @param current      the calendar the command side has now
     */
    static boolean recomputes(List<RegulatoryClock> clocks, CalendarVersion computedWith, BusinessCalendar current) {
        boolean provisional = clocks.stream().anyMatch(RegulatoryClock::provisional);
        return provisional && (computedWith == null || current.coveredUntil().isAfter(computedWith.coveredUntil()));
    }
}

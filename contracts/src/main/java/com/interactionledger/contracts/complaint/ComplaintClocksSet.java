package com.interactionledger.contracts.complaint;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.privacy.PersonalData;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * The regulatory clocks of the complaint, as the bank computed it at this point (on receipt, and again
 * whenever a pause, a resumption, an extension, a holding reply or a reopening changed them, or a newer business
 * calendar covered days a provisional clock had to guess). Recording the due dates makes them auditable and keeps
 * them fixed even if a holiday calendar changes later; an earlier set is never changed, a later one follows it.
 * <p>
 * Revision 2 names the {@code calendar} the clocks were worked out with and marks each clock {@code provisional}
 * or not; {@link ComplaintClocksSetUpcaster} reads revision 1 (no calendar named: null; a clock is provisional if
 * its basis carries the coverage warning revision 1 wrote in that case).
 */
@Revision("2")
public record ComplaintClocksSet(
        ComplaintId complaintId,
        CustomerId customerId,
        List<RegulatoryClock> clocks,
        CalendarVersion calendar,
        @PersonalData String reason,
        Instant occurredAt
) implements ComplaintEvent {

    /** Whether any clock had to be worked out beyond the calendar's coverage. */
    public boolean provisional() {
        return clocks.stream().anyMatch(RegulatoryClock::provisional);
    }
}

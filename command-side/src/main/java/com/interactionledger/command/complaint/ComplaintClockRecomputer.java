package com.interactionledger.command.complaint;

import com.interactionledger.contracts.common.LedgerMetadata;
import com.interactionledger.contracts.complaint.ComplaintId;
import com.interactionledger.contracts.complaint.Jurisdiction;
import com.interactionledger.contracts.complaint.RecomputeComplaintClocks;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Acts on a business calendar update. Calendars are read when the service starts, so a calendar that covers
 * further (a new year's holidays in a new file) arrives with a start; this looks, soon after the start and then
 * every {@code ledger.complaints.recompute-interval} (10 min: it retries what failed, and the look is one indexed
 * query), for open complaints whose provisional clocks were worked out with a calendar covering less than the one
 * this instance has, and sends each a {@link RecomputeComplaintClocks}. The complaint decides, from its own events
 * and the calendar, and records its new clocks as a new event naming the calendar; the old ones stay.
 * <p>
 * The actor is this service ({@value #ACTOR}, a SYSTEM participant), as for the clock watcher: nobody outside the
 * service can start it or name who did. Time comes from the injected clock.
 */
@Component
public class ComplaintClockRecomputer {

    private static final Logger log = LoggerFactory.getLogger(ComplaintClockRecomputer.class);
    static final String ACTOR = "complaint-calendar-update";
    /** Complaints asked per jurisdiction per look; the next look takes the rest. */
    private static final int BATCH = 500;

    private final ProvisionalClocks provisional;
    private final ComplaintCalendars calendars;
    private final CommandGateway commands;
    private final Clock clock;

    ComplaintClockRecomputer(ProvisionalClocks provisional, ComplaintCalendars calendars, CommandGateway commands,
                             Clock clock) {
        this.provisional = provisional;
        this.calendars = calendars;
        this.commands = commands;
        this.clock = clock;
    }

    /** One look; returns how many complaints recorded new clocks. */
    @Scheduled(fixedDelayString = "${ledger.complaints.recompute-interval:PT10M}",
            initialDelayString = "${ledger.complaints.recompute-initial-delay:PT10S}")
    public int recompute() {
        int recorded = 0;
        for (Jurisdiction jurisdiction : Jurisdiction.values()) {
            BusinessCalendar calendar = calendars.of(jurisdiction);
            List<ComplaintId> due = provisional.computedWithLessThan(jurisdiction, calendar.coveredUntil(), BATCH);
            for (ComplaintId complaint : due) {
                Instant now = clock.instant();
                try {
                    Object answer = commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                            new RecomputeComplaintClocks(complaint, null, now)).andMetaData(
                            LedgerMetadata.fromTheService(ACTOR, "calendar-" + complaint.value() + "-"
                                    + calendar.calendarVersion().digest())));
                    if (Boolean.TRUE.equals(answer)) {
                        recorded++;
                    }
                } catch (RuntimeException refused) {
                    // Another instance got there first, or the complaint moved on (resolved meanwhile); its own
                    // events decide, and the next look tries again whatever is still listed.
                    log.warn("complaint {}: clocks not recomputed with the {} calendar: {}", complaint.value(),
                            calendar.name(), refused.getMessage());
                }
            }
        }
        if (recorded > 0) {
            log.info("{} complaints recorded clocks recomputed with a calendar that covers further", recorded);
        }
        return recorded;
    }
}

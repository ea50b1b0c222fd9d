package com.interactionledger.command.complaint;

import com.interactionledger.ledger.append.RuleViolation;
import com.interactionledger.contracts.common.LedgerMetadata;
import com.interactionledger.contracts.complaint.ComplaintId;
import com.interactionledger.contracts.complaint.RecordDeadlineApproaching;
import com.interactionledger.contracts.complaint.RecordDeadlineBreach;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Looks at the watched complaint clocks on a schedule ({@code ledger.complaints.watch-interval}, default 30 s)
 * and tells each complaint when a clock will run out within {@code ledger.complaints.warning-lead} (default 2 days)
 * or has run out. The complaint itself decides, from its own events, whether that is still true and records it at
 * most once per due date; so a restart, two command-side instances or a slow poll can only ever lead to one
 * warning and one breach per clock. Time comes from the injected clock, never from the aggregate.
 */
@Component
public class ComplaintClockWatcher {

    private static final Logger log = LoggerFactory.getLogger(ComplaintClockWatcher.class);
    static final String ACTOR = "complaint-clock-watcher";

    private final ComplaintClockWatch watch;
    private final CommandGateway commands;
    private final Clock clock;
    private final Duration warningLead;

    ComplaintClockWatcher(ComplaintClockWatch watch, CommandGateway commands, Clock clock,
                          @Value("${ledger.complaints.warning-lead:P2D}") Duration warningLead) {
        this.watch = watch;
        this.commands = commands;
        this.clock = clock;
        this.warningLead = warningLead;
    }

    /** One look at every watched clock; returns how many deadlines (warnings and breaches) it recorded. */
    @Scheduled(fixedDelayString = "${ledger.complaints.watch-interval:PT30S}",
            initialDelayString = "${ledger.complaints.watch-initial-delay:PT5S}")
    public int watch() {
        Instant now = clock.instant();
        int recorded = 0;
        for (ComplaintClockWatch.WatchedClock due : watch.dueBy(now, warningLead)) {
            ComplaintId complaint = new ComplaintId(due.complaintId());
            Object command = now.isBefore(due.dueAt())
                    ? new RecordDeadlineApproaching(complaint, null, due.clock(), now)
                    : new RecordDeadlineBreach(complaint, null, due.clock(), now);
            try {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(
                        LedgerMetadata.fromTheService(ACTOR, "clock-" + due.complaintId() + "-" + due.clock())));
                recorded++;
            } catch (RuleViolation refused) {
                // Another instance, or an earlier look, got there first; the complaint's own events decide.
                log.debug("complaint {} {}: {}", due.complaintId(), due.clock(), refused.getMessage());
            }
        }
        return recorded;
    }
}

package com.interactionledger.command.complaint;

import com.interactionledger.command.complaint.DeadlinePolicy.ComplaintFacts;
import com.interactionledger.command.complaint.DeadlinePolicy.Pause;
import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.contracts.complaint.AcceptResolution;
import com.interactionledger.contracts.complaint.AcknowledgeComplaint;
import com.interactionledger.contracts.complaint.ApproveDeadlineExtension;
import com.interactionledger.contracts.complaint.AssignComplaint;
import com.interactionledger.contracts.complaint.CalendarVersion;
import com.interactionledger.contracts.complaint.ClockType;
import com.interactionledger.contracts.complaint.ComplaintAcknowledged;
import com.interactionledger.contracts.complaint.ComplaintAssigned;
import com.interactionledger.contracts.complaint.ComplaintClocksSet;
import com.interactionledger.contracts.complaint.ComplaintDeadlineApproaching;
import com.interactionledger.contracts.complaint.ComplaintDeadlineBreached;
import com.interactionledger.contracts.complaint.ComplaintDeadlineExtended;
import com.interactionledger.contracts.complaint.ComplaintDeadlineExtensionRequested;
import com.interactionledger.contracts.complaint.ComplaintEvent;
import com.interactionledger.contracts.complaint.ComplaintHoldingResponseSent;
import com.interactionledger.contracts.complaint.ComplaintId;
import com.interactionledger.contracts.complaint.ComplaintInformationReceived;
import com.interactionledger.contracts.complaint.ComplaintInformationRequested;
import com.interactionledger.contracts.complaint.ComplaintLodged;
import com.interactionledger.contracts.complaint.ComplaintReferred;
import com.interactionledger.contracts.complaint.ComplaintReopened;
import com.interactionledger.contracts.complaint.ComplaintResolutionAccepted;
import com.interactionledger.contracts.complaint.ComplaintResolutionDisputed;
import com.interactionledger.contracts.complaint.ComplaintResolutionProposed;
import com.interactionledger.contracts.complaint.ComplaintResolved;
import com.interactionledger.contracts.complaint.ComplaintState;
import com.interactionledger.contracts.complaint.DisputeResolution;
import com.interactionledger.contracts.complaint.ExtendComplaintDeadline;
import com.interactionledger.contracts.complaint.Jurisdiction;
import com.interactionledger.contracts.complaint.LodgeComplaint;
import com.interactionledger.contracts.complaint.ProposeResolution;
import com.interactionledger.contracts.complaint.ReceiveInformation;
import com.interactionledger.contracts.complaint.RecomputeComplaintClocks;
import com.interactionledger.contracts.complaint.RecordDeadlineApproaching;
import com.interactionledger.contracts.complaint.RecordDeadlineBreach;
import com.interactionledger.contracts.complaint.ReferComplaint;
import com.interactionledger.contracts.complaint.RegulatoryClock;
import com.interactionledger.contracts.complaint.ReopenComplaint;
import com.interactionledger.contracts.complaint.RequestInformation;
import com.interactionledger.contracts.complaint.ResolveComplaint;
import com.interactionledger.contracts.complaint.SendHoldingResponse;
import com.interactionledger.contracts.complaint.ServiceRegime;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One customer complaint and its regulatory clocks. Commands decide through {@link ComplaintStep} and the rules of
 * the jurisdiction; the clocks come from {@link DeadlinePolicy} and are recorded as {@link ComplaintClocksSet}
 * whenever they change, so the due dates the bank worked to are on the ledger. State changes only in the event
 * sourcing handlers; no clock is read here: every time arrives on the command, stamped at the edge or by the clock
 * watcher.
 */
@Aggregate(cache = "complaintCache")
public class Complaint {

    @AggregateIdentifier
    private ComplaintId complaintId;
    private CustomerId customerId;
    private Jurisdiction jurisdiction;
    private ServiceRegime regime;
    private Instant receivedAt;
    private ComplaintState state;
    private final List<Pause> pauses = new ArrayList<>();
    private int extensionTier;
    /** The extension that waits for a senior approver, if one was asked for. */
    private ComplaintDeadlineExtensionRequested pendingExtension;
    private boolean holdingResponseSent;
    private List<RegulatoryClock> clocks = List.of();
    /** The calendar the recorded clocks were worked out with (null if recorded before calendars were named). */
    private CalendarVersion clocksCalendar;
    /** The due date of each clock for which a breach (or a warning) is already on the ledger. */
    private final Map<ClockType, Instant> breached = new EnumMap<>(ClockType.class);
    private final Map<ClockType, Instant> warned = new EnumMap<>(ClockType.class);

    /** For Axon, which rebuilds the complaint from its events. */
    protected Complaint() {
    }

    @CommandHandler
    public Complaint(LodgeComplaint command, ComplaintCalendars calendars) {
        apply(new ComplaintLodged(command.complaintId(), command.customerId(),
                command.sessions() == null ? List.of() : List.copyOf(command.sessions()), command.channel(),
                command.product(), command.subProduct(), command.category(), command.subCategory(),
                command.description(), command.amountInDispute(), command.jurisdiction(), command.regime(),
                command.occurredAt()));
        // Axon applies a constructor's events to the new aggregate only after the constructor returns, so the
        // first clocks are computed from the command, not from state.
        apply(new ComplaintClocksSet(command.complaintId(), command.customerId(),
                DeadlinePolicy.clocks(new ComplaintFacts(command.jurisdiction(), command.regime(), command.occurredAt(),
                        List.of(), 0, false), calendars),
                calendars.of(command.jurisdiction()).calendarVersion(), "received", command.occurredAt()));
    }

    @CommandHandler
    public void handle(AcknowledgeComplaint command) {
        ComplaintStep.ACKNOWLEDGE.requireAllowedFrom(state);
        apply(new ComplaintAcknowledged(complaintId, customerId, command.occurredAt()));
    }

    @CommandHandler
    public void handle(AssignComplaint command) {
        ComplaintStep.ASSIGN.requireAllowedFrom(state);
        apply(new ComplaintAssigned(complaintId, customerId, command.handlerId(), command.team(),
                command.occurredAt()));
    }

    @CommandHandler
    public void handle(RequestInformation command, ComplaintCalendars calendars) {
        ComplaintStep.REQUEST_INFORMATION.requireAllowedFrom(state);
        apply(new ComplaintInformationRequested(complaintId, customerId, command.request(),
                DeadlinePolicy.pausesWhileAwaitingCustomer(jurisdiction), command.occurredAt()));
        recordClocks(calendars, "stopped while waiting for the customer", command.occurredAt());
    }

    @CommandHandler
    public void handle(ReceiveInformation command, ComplaintCalendars calendars) {
        ComplaintStep.RECEIVE_INFORMATION.requireAllowedFrom(state);
        apply(new ComplaintInformationReceived(complaintId, customerId, command.summary(), command.occurredAt()));
        recordClocks(calendars, "running again: information received", command.occurredAt());
    }

    @CommandHandler
    public void handle(ExtendComplaintDeadline command, ComplaintCalendars calendars) {
        ComplaintStep.EXTEND.requireAllowedFrom(state);
        if (pendingExtension != null) {
            throw ExtensionPolicy.refused("extension " + pendingExtension.tier() + " asked for by "
                    + pendingExtension.requestedBy() + " awaits approval");
        }
        ExtensionPolicy.check(jurisdiction, regime, extensionTier, holdingResponseSent, finalClock(),
                command.occurredAt());
        if (ExtensionPolicy.needsApproval(jurisdiction, extensionTier)) {
            apply(new ComplaintDeadlineExtensionRequested(complaintId, customerId, extensionTier + 1,
                    command.reason(), command.requestedBy(), command.occurredAt()));
            return;
        }
        apply(new ComplaintDeadlineExtended(complaintId, customerId, extensionTier + 1, command.reason(), null,
                command.occurredAt()));
        recordClocks(calendars, "extended: " + command.reason(), command.occurredAt());
    }

    @CommandHandler
    public void handle(ApproveDeadlineExtension command, ComplaintCalendars calendars) {
        ComplaintStep.APPROVE_EXTENSION.requireAllowedFrom(state);
        if (pendingExtension == null) {
            throw ExtensionPolicy.refused("no extension awaits approval");
        }
        ExtensionPolicy.checkApprover(pendingExtension.requestedBy(), command.approvedBy());
        // the rules are checked again as they stand now: the deadline may have run out since the request
        ExtensionPolicy.check(jurisdiction, regime, extensionTier, holdingResponseSent, finalClock(),
                command.occurredAt());
        ComplaintDeadlineExtensionRequested asked = pendingExtension; // applying the extension clears it
        apply(new ComplaintDeadlineExtended(complaintId, customerId, asked.tier(), asked.reason(),
                command.approvedBy(), command.occurredAt()));
        recordClocks(calendars, "extended: " + asked.reason(), command.occurredAt());
    }

    @CommandHandler
    public void handle(SendHoldingResponse command) {
        ComplaintStep.SEND_HOLDING_RESPONSE.requireAllowedFrom(state);
        apply(new ComplaintHoldingResponseSent(complaintId, customerId, command.summary(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(ProposeResolution command) {
        ComplaintStep.PROPOSE_RESOLUTION.requireAllowedFrom(state);
        apply(new ComplaintResolutionProposed(complaintId, customerId, command.outcome(), command.redress(),
                command.summary(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(ResolveComplaint command) {
        ComplaintStep.RESOLVE.requireAllowedFrom(state);
        if (command.summaryResolution()) {
            RegulatoryClock window = clock(ClockType.FCA_SUMMARY_RESOLUTION);
            if (window == null || !command.occurredAt().isBefore(window.dueAt())) {
                throw new ComplaintRuleViolation(ErrorCode.SUMMARY_RESOLUTION_NOT_ALLOWED, window == null
                        ? "summary resolution communications exist only under the FCA rules"
                        : "the summary resolution window closed at the end of " + window.dueDate());
            }
        }
        apply(new ComplaintResolved(complaintId, customerId, command.outcome(), command.redress(), command.summary(),
                command.summaryResolution(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(AcceptResolution command) {
        ComplaintStep.ACCEPT.requireAllowedFrom(state);
        apply(new ComplaintResolutionAccepted(complaintId, customerId, command.occurredAt()));
    }

    @CommandHandler
    public void handle(DisputeResolution command) {
        ComplaintStep.DISPUTE.requireAllowedFrom(state);
        apply(new ComplaintResolutionDisputed(complaintId, customerId, command.reason(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(ReferComplaint command) {
        ComplaintStep.REFER.requireAllowedFrom(state);
        apply(new ComplaintReferred(complaintId, customerId, command.body(), command.bodyName(), command.reference(),
                command.occurredAt()));
    }

    @CommandHandler
    public void handle(ReopenComplaint command, ComplaintCalendars calendars) {
        ComplaintStep.REOPEN.requireAllowedFrom(state);
        apply(new ComplaintReopened(complaintId, customerId, command.reason(), command.occurredAt()));
        recordClocks(calendars, "reopened: " + command.reason(), command.occurredAt());
    }

    /**
     * A business calendar that covers more days than the one the provisional clocks were worked out with: the
     * clocks are worked out again with it and recorded, naming it; the earlier set stays on the ledger. Returns
     * whether anything was recorded (nothing is, when no clock is provisional or the calendar covers no further).
     */
    @CommandHandler
    public boolean handle(RecomputeComplaintClocks command, ComplaintCalendars calendars) {
        ComplaintStep.RECOMPUTE_CLOCKS.requireAllowedFrom(state);
        BusinessCalendar calendar = calendars.of(jurisdiction);
        if (!CalendarUpdatePolicy.recomputes(clocks, clocksCalendar, calendar)) {
            return false;
        }
        CalendarVersion version = calendar.calendarVersion();
        apply(new ComplaintClocksSet(complaintId, customerId, DeadlinePolicy.clocks(facts(), calendars), version,
                "recomputed: the " + version.name() + " calendar" + (version.version() == null ? ""
                        : " (version " + version.version() + ")") + " now covers until " + version.coveredUntil(),
                command.occurredAt()));
        return true;
    }

    @CommandHandler
    public void handle(RecordDeadlineApproaching command) {
        ComplaintStep.RECORD_APPROACHING.requireAllowedFrom(state);
        RegulatoryClock clock = runningClock(command.clock());
        if (!command.occurredAt().isBefore(clock.dueAt())) {
            throw new ComplaintRuleViolation(ErrorCode.DEADLINE_NOT_REACHED,
                    command.clock() + " has already run out; it is a breach, not a warning");
        }
        requireNotRecorded(warned, clock);
        apply(new ComplaintDeadlineApproaching(complaintId, customerId, clock.type(), clock.dueAt(),
                command.occurredAt()));
    }

    @CommandHandler
    public void handle(RecordDeadlineBreach command) {
        ComplaintStep.RECORD_BREACH.requireAllowedFrom(state);
        RegulatoryClock clock = runningClock(command.clock());
        if (command.occurredAt().isBefore(clock.dueAt())) {
            throw new ComplaintRuleViolation(ErrorCode.DEADLINE_NOT_REACHED,
                    command.clock() + " runs until " + clock.dueAt());
        }
        requireNotRecorded(breached, clock);
        apply(new ComplaintDeadlineBreached(complaintId, customerId, clock.type(), clock.dueAt(),
                command.occurredAt()));
    }

    /** Computes the clocks from the facts as they now stand, and records them if they changed. */
    private void recordClocks(ComplaintCalendars calendars, String reason, Instant at) {
        List<RegulatoryClock> computed = DeadlinePolicy.clocks(facts(), calendars);
        if (!computed.equals(clocks)) {
            apply(new ComplaintClocksSet(complaintId, customerId, computed,
                    calendars.of(jurisdiction).calendarVersion(), reason, at));
        }
    }

    private ComplaintFacts facts() {
        return new ComplaintFacts(jurisdiction, regime, receivedAt, List.copyOf(pauses), extensionTier,
                holdingResponseSent);
    }

    /** A clock that can still run out: it exists, is an obligation, is not stopped, and its step is not done. */
    private RegulatoryClock runningClock(ClockType type) {
        RegulatoryClock clock = clock(type);
        if (clock == null || !clock.breachable() || clock.paused()) {
            throw new ComplaintRuleViolation(ErrorCode.CLOCK_NOT_RUNNING, "complaint " + complaintId + " has no running "
                    + type + " clock" + (clock != null && clock.paused() ? " (stopped while waiting for the customer)" : ""));
        }
        if (type == ClockType.CFPB_RESPONSE && holdingResponseSent) {
            throw new ComplaintRuleViolation(ErrorCode.CLOCK_NOT_RUNNING,
                    "the CFPB response clock was met by the holding response");
        }
        return clock;
    }

    private void requireNotRecorded(Map<ClockType, Instant> recorded, RegulatoryClock clock) {
        if (clock.dueAt().equals(recorded.get(clock.type()))) {
            throw new ComplaintRuleViolation(ErrorCode.DEADLINE_ALREADY_RECORDED,
                    clock.type() + " due " + clock.dueAt() + " is already on the ledger");
        }
    }

    private RegulatoryClock clock(ClockType type) {
        return clocks.stream().filter(clock -> clock.type() == type).findFirst().orElse(null);
    }

    /** The clock a final response must beat (the last breachable clock of the jurisdiction). */
    private RegulatoryClock finalClock() {
        RegulatoryClock last = null;
        for (RegulatoryClock clock : clocks) {
            if (clock.breachable()) {
                last = clock;
            }
        }
        return last;
    }

    // ---- state changes: only from events ----

    @EventSourcingHandler
    void on(ComplaintLodged event) {
        complaintId = event.complaintId();
        customerId = event.customerId();
        jurisdiction = event.jurisdiction();
        regime = event.regime();
        receivedAt = event.occurredAt();
        state = ComplaintState.RECEIVED;
    }

    @EventSourcingHandler
    void on(ComplaintClocksSet event) {
        clocks = List.copyOf(event.clocks());
        clocksCalendar = event.calendar();
    }

    @EventSourcingHandler
    void on(ComplaintInformationRequested event) {
        if (event.clockPaused()) {
            pauses.add(new Pause(event.occurredAt(), null));
        }
        evolve(event);
    }

    @EventSourcingHandler
    void on(ComplaintInformationReceived event) {
        int last = pauses.size() - 1;
        if (last >= 0 && pauses.get(last).until() == null) {
            pauses.set(last, new Pause(pauses.get(last).from(), event.occurredAt()));
        }
        evolve(event);
    }

    @EventSourcingHandler
    void on(ComplaintDeadlineExtensionRequested event) {
        pendingExtension = event;
    }

    @EventSourcingHandler
    void on(ComplaintDeadlineExtended event) {
        pendingExtension = null;
        extensionTier = event.tier();
    }

    @EventSourcingHandler
    void on(ComplaintHoldingResponseSent event) {
        holdingResponseSent = true;
    }

    @EventSourcingHandler
    void on(ComplaintReopened event) {
        // A reopened complaint is a new round: the clocks run from the reopening, nothing carried over.
        receivedAt = event.occurredAt();
        pauses.clear();
        extensionTier = 0;
        pendingExtension = null;
        holdingResponseSent = false;
        breached.clear();
        warned.clear();
        evolve(event);
    }

    @EventSourcingHandler
    void on(ComplaintDeadlineApproaching event) {
        warned.put(event.clock(), event.dueAt());
    }

    @EventSourcingHandler
    void on(ComplaintDeadlineBreached event) {
        breached.put(event.clock(), event.dueAt());
    }

    /** Every other event only moves the state. */
    @EventSourcingHandler
    void on(ComplaintEvent event) {
        evolve(event);
    }

    private void evolve(ComplaintEvent event) {
        state = state.after(event);
    }
}

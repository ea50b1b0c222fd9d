package com.interactionledger.command.complaint;

import com.interactionledger.command.AggregateFixtureSupport;
import com.interactionledger.command.TransitionTables;
import com.interactionledger.command.TransitionTables.StepFrom;
import com.interactionledger.command.complaint.ComplaintScenarios.Scenario;
import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.contracts.complaint.ComplaintAcknowledged;
import com.interactionledger.contracts.complaint.ComplaintAssigned;
import com.interactionledger.contracts.complaint.ComplaintDeadlineApproaching;
import com.interactionledger.contracts.complaint.ComplaintDeadlineBreached;
import com.interactionledger.contracts.complaint.ComplaintDeadlineExtended;
import com.interactionledger.contracts.complaint.ComplaintDeadlineExtensionRequested;
import com.interactionledger.contracts.complaint.ComplaintHoldingResponseSent;
import com.interactionledger.contracts.complaint.ComplaintInformationReceived;
import com.interactionledger.contracts.complaint.ComplaintInformationRequested;
import com.interactionledger.contracts.complaint.ComplaintOutcome;
import com.interactionledger.contracts.complaint.ComplaintReferred;
import com.interactionledger.contracts.complaint.ComplaintReopened;
import com.interactionledger.contracts.complaint.ComplaintResolutionAccepted;
import com.interactionledger.contracts.complaint.ComplaintResolutionDisputed;
import com.interactionledger.contracts.complaint.ComplaintResolutionProposed;
import com.interactionledger.contracts.complaint.ComplaintState;
import com.interactionledger.contracts.complaint.Redress;
import com.interactionledger.contracts.complaint.ReferralBody;
import com.interactionledger.contracts.complaint.RegulatoryClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.interactionledger.command.TransitionTables.camel;
import static com.interactionledger.command.complaint.ComplaintScenarios.*;
import static com.interactionledger.command.complaint.ComplaintStep.ACCEPT;
import static com.interactionledger.command.complaint.ComplaintStep.ACKNOWLEDGE;
import static com.interactionledger.command.complaint.ComplaintStep.ASSIGN;
import static com.interactionledger.command.complaint.ComplaintStep.DISPUTE;
import static com.interactionledger.command.complaint.ComplaintStep.APPROVE_EXTENSION;
import static com.interactionledger.command.complaint.ComplaintStep.EXTEND;
import static com.interactionledger.command.complaint.ComplaintStep.PROPOSE_RESOLUTION;
import static com.interactionledger.command.complaint.ComplaintStep.RECEIVE_INFORMATION;
import static com.interactionledger.command.complaint.ComplaintStep.RECOMPUTE_CLOCKS;
import static com.interactionledger.command.complaint.ComplaintStep.RECORD_APPROACHING;
import static com.interactionledger.command.complaint.ComplaintStep.RECORD_BREACH;
import static com.interactionledger.command.complaint.ComplaintStep.REFER;
import static com.interactionledger.command.complaint.ComplaintStep.REOPEN;
import static com.interactionledger.command.complaint.ComplaintStep.REQUEST_INFORMATION;
import static com.interactionledger.command.complaint.ComplaintStep.RESOLVE;
import static com.interactionledger.command.complaint.ComplaintStep.SEND_HOLDING_RESPONSE;
import static com.interactionledger.contracts.complaint.ClockType.CFPB_FINAL_RESPONSE;
import static com.interactionledger.contracts.complaint.ClockType.CFPB_RESPONSE;
import static com.interactionledger.contracts.complaint.ClockType.FCA_FINAL_RESPONSE;
import static com.interactionledger.contracts.complaint.ClockType.FCA_SUMMARY_RESOLUTION;
import static com.interactionledger.contracts.complaint.ClockType.NFRA_DECISION;
import static com.interactionledger.contracts.complaint.ComplaintState.AWAITING_CUSTOMER;
import static com.interactionledger.contracts.complaint.ComplaintState.CLOSED;
import static com.interactionledger.contracts.complaint.ComplaintState.DISPUTED;
import static com.interactionledger.contracts.complaint.ComplaintState.IN_PROGRESS;
import static com.interactionledger.contracts.complaint.ComplaintState.RECEIVED;
import static com.interactionledger.contracts.complaint.ComplaintState.REFERRED;
import static com.interactionledger.contracts.complaint.ComplaintState.RESOLUTION_PROPOSED;
import static com.interactionledger.contracts.complaint.ComplaintState.RESOLVED;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The transition table of the complaint, command by command and state by state. The legal transitions are written
 * out here with the exact events each must produce, including the clocks recomputed on the way (written out by
 * hand); every other (step, state) pair must be refused with {@link ErrorCode#ILLEGAL_TRANSITION} and append
 * nothing. The table runs on the China complaint (the only one whose clocks stop and that can be extended from
 * every state EXTEND allows); the UK and US rows show what differs there. The deadline-recording steps run on the
 * UK complaint, whose clock keeps running while it waits for the customer; their refusals are in
 * {@link ComplaintPolicyTest}.
 */
class ComplaintTransitionTest extends AggregateFixtureSupport<Complaint> {

    private static final Set<ComplaintState> OPEN =
            EnumSet.of(RECEIVED, IN_PROGRESS, AWAITING_CUSTOMER, RESOLUTION_PROPOSED);
    private static final Set<ComplaintState> SETTLED = EnumSet.of(RESOLVED, CLOSED, DISPUTED, REFERRED);

    /*
     * China, the commands arrive Monday 2026-11-09 11:00 Shanghai (receipt 2026-11-02 09:00).
     * Stopping now: Nov 3 to Nov 8 counted (6 days), Nov 9 is still waiting at its end.
     * Running again now after waiting since Thursday Nov 5 14:00: see CN_RUNNING_AGAIN_NOW.
     * Extended while waiting since Nov 5: 30 days, 2 used.
     * Reopened now: 15 days from 2026-11-09 is Tuesday 2026-11-24, a working day.
     */
    static final RegulatoryClock CN_PAUSED_NOW = new RegulatoryClock(NFRA_DECISION, null, null, true, true,
            CN_BASIS + "; stopped since 2026-11-09 while waiting for the customer (6 of 15 days used)");
    static final RegulatoryClock CN_30_PAUSED = new RegulatoryClock(NFRA_DECISION, null, null, true, true,
            "NFRA consumer complaint measures: decision within 30 days of receipt on 2026-11-02 (extended: complex"
                    + " case); stopped since 2026-11-05 while waiting for the customer (2 of 30 days used)");
    /** Extended a second time while waiting since Nov 5: 60 days, 2 used. */
    static final RegulatoryClock CN_60_PAUSED = new RegulatoryClock(NFRA_DECISION, null, null, true, true,
            "NFRA consumer complaint measures: decision within 60 days of receipt on 2026-11-02 (extended twice:"
                    + " especially complex case, approved); stopped since 2026-11-05 while waiting for the customer"
                    + " (2 of 60 days used)");
    private static final String ESPECIALLY_COMPLEX = "especially complex case";
    static final RegulatoryClock CN_REOPENED_NOW = new RegulatoryClock(NFRA_DECISION,
            LocalDate.parse("2026-11-24"), Instant.parse("2026-11-24T16:00:00Z"), false, true,
            "NFRA consumer complaint measures: decision within 15 days of receipt on 2026-11-09");

    /*
     * UK reopened Tuesday 2026-11-24: summary window Wed 25, Thu 26, Fri 27; 8 weeks is Tuesday 2027-01-19.
     * US reopened 2026-11-24 New York: 15 days is 2026-12-09; 60 days (Nov 30 is +6, Dec 31 is +37) 2027-01-23.
     */
    static final List<RegulatoryClock> UK_REOPENED_NOW = List.of(
            new RegulatoryClock(FCA_SUMMARY_RESOLUTION, LocalDate.parse("2026-11-27"),
                    Instant.parse("2026-11-28T00:00:00Z"), false, false,
                    "DISP 1.5: summary resolution possible until the close of the 3rd business day after receipt,"
                            + " after receipt on 2026-11-24 (England and Wales business days)"),
            new RegulatoryClock(FCA_FINAL_RESPONSE, LocalDate.parse("2027-01-19"),
                    Instant.parse("2027-01-20T00:00:00Z"), false, true,
                    "DISP 1.6.2R: final response within 8 weeks of receipt on 2026-11-24"));
    static final List<RegulatoryClock> US_REOPENED_NOW = List.of(
            new RegulatoryClock(CFPB_RESPONSE, LocalDate.parse("2026-12-09"),
                    Instant.parse("2026-12-10T05:00:00Z"), false, true,
                    "CFPB: a response (final, or in progress) within 15 calendar days of receipt on 2026-11-24"),
            new RegulatoryClock(CFPB_FINAL_RESPONSE, LocalDate.parse("2027-01-23"),
                    Instant.parse("2027-01-24T05:00:00Z"), false, true,
                    "CFPB: a final response within 60 calendar days of receipt on 2026-11-24"));

    ComplaintTransitionTest() {
        super(ComplaintScenarios::newFixture, ComplaintRuleViolation.class);
    }

    /**
     * A legal transition: from a {@code scenario} complaint in {@code from}, {@code command} (of {@code step})
     * yields exactly {@code events}.
     */
    record Transition(String name, Scenario scenario, ComplaintState from, ComplaintStep step, List<Object> before,
                      Object command, List<Object> events) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Transition> legalTransitions() {
        List<Transition> table = new ArrayList<>();
        Scenario cn = Scenario.CN;
        Instant now = cn.now;

        table.add(row("givenCnReceived_whenAcknowledged_thenAcknowledged", cn, RECEIVED, ACKNOWLEDGE,
                new ComplaintAcknowledged(COMPLAINT, CUSTOMER, now)));
        for (ComplaintState from : List.of(RECEIVED, IN_PROGRESS, AWAITING_CUSTOMER, RESOLUTION_PROPOSED, DISPUTED)) {
            table.add(row("givenCn" + camel(from) + "_whenAssigned_thenAssignedToHandlerAndTeam", cn, from, ASSIGN,
                    new ComplaintAssigned(COMPLAINT, CUSTOMER, HANDLER, TEAM, now)));
        }

        // Asking the customer: the NFRA clock stops, the FCA and CFPB clocks keep running (no new clocks).
        table.add(row("givenCnInProgress_whenInformationRequested_thenClockStoppedAndRecorded", cn, IN_PROGRESS,
                REQUEST_INFORMATION,
                new ComplaintInformationRequested(COMPLAINT, CUSTOMER, "proof of the promised waiver", true, now),
                clocksSet(List.of(CN_PAUSED_NOW), CLOCKS_STOPPED, now)));
        for (Scenario scenario : List.of(Scenario.UK, Scenario.UK_PAYMENTS, Scenario.US)) {
            table.add(row("given" + scenario.camel() + "InProgress_whenInformationRequested_thenClocksKeepRunning",
                    scenario, IN_PROGRESS, REQUEST_INFORMATION,
                    new ComplaintInformationRequested(COMPLAINT, CUSTOMER, "proof of the promised waiver", false,
                            scenario.now)));
        }

        // The customer answers: the NFRA clock runs again, four days later; the others never stopped.
        table.add(row("givenCnAwaitingCustomer_whenInformationReceived_thenClockRunsAgainWithoutTheDaysWaited", cn,
                AWAITING_CUSTOMER, RECEIVE_INFORMATION,
                new ComplaintInformationReceived(COMPLAINT, CUSTOMER, "letter of 2026-10-01", now),
                clocksSet(List.of(CN_RUNNING_AGAIN_NOW), CLOCKS_RUNNING_AGAIN, now)));
        for (Scenario scenario : List.of(Scenario.UK, Scenario.UK_PAYMENTS, Scenario.US)) {
            table.add(row("given" + scenario.camel() + "AwaitingCustomer_whenInformationReceived_thenClocksUnchanged",
                    scenario, AWAITING_CUSTOMER, RECEIVE_INFORMATION,
                    new ComplaintInformationReceived(COMPLAINT, CUSTOMER, "letter of 2026-10-01", scenario.now)));
        }

        for (ComplaintState from : List.of(IN_PROGRESS, RESOLUTION_PROPOSED)) {
            table.add(row("givenCn" + camel(from) + "_whenExtended_thenThirtyDays", cn, from, EXTEND,
                    new ComplaintDeadlineExtended(COMPLAINT, CUSTOMER, 1, EXTENSION_REASON, null, now),
                    clocksSet(List.of(CN_30), "extended: " + EXTENSION_REASON, now)));
            // The second extension, asked for by the handler, granted by another supervisor: 60 days.
            table.add(new Transition("givenCn" + camel(from) + "SecondExtensionAsked_whenApproved_thenSixtyDays", cn,
                    from, APPROVE_EXTENSION, secondExtensionAsked(now), commandFor(cn, APPROVE_EXTENSION),
                    List.of(new ComplaintDeadlineExtended(COMPLAINT, CUSTOMER, 2, ESPECIALLY_COMPLEX, APPROVER, now),
                            clocksSet(List.of(CN_60), "extended: " + ESPECIALLY_COMPLEX, now))));
        }
        table.add(row("givenCnAwaitingCustomer_whenExtended_thenThirtyDaysStillStopped", cn, AWAITING_CUSTOMER,
                EXTEND,
                new ComplaintDeadlineExtended(COMPLAINT, CUSTOMER, 1, EXTENSION_REASON, null, now),
                clocksSet(List.of(CN_30_PAUSED), "extended: " + EXTENSION_REASON, now)));
        table.add(new Transition("givenCnAwaitingCustomerSecondExtensionAsked_whenApproved_thenSixtyDaysStillStopped",
                cn, AWAITING_CUSTOMER, APPROVE_EXTENSION, secondExtensionAsked(now), commandFor(cn, APPROVE_EXTENSION),
                List.of(new ComplaintDeadlineExtended(COMPLAINT, CUSTOMER, 2, ESPECIALLY_COMPLEX, APPROVER, now),
                        clocksSet(List.of(CN_60_PAUSED), "extended: " + ESPECIALLY_COMPLEX, now))));

        for (ComplaintState from : OPEN) {
            table.add(row("givenCn" + camel(from) + "_whenHoldingResponseSent_thenHoldingResponseRecorded", cn,
                    from, SEND_HOLDING_RESPONSE,
                    new ComplaintHoldingResponseSent(COMPLAINT, CUSTOMER, "still looking into it", now)));
            table.add(row("givenCn" + camel(from) + "_whenResolved_thenResolved", cn, from, RESOLVE,
                    resolvedEvent(false, now)));
        }
        table.add(row("givenCnInProgress_whenResolutionProposed_thenResolutionProposed", cn, IN_PROGRESS,
                PROPOSE_RESOLUTION,
                new ComplaintResolutionProposed(COMPLAINT, CUSTOMER, ComplaintOutcome.PARTIALLY_UPHELD,
                        new Redress(money(cn, "10.00"), "apology"), "half the fee back", now)));
        table.add(row("givenCnResolved_whenAccepted_thenClosed", cn, RESOLVED, ACCEPT,
                new ComplaintResolutionAccepted(COMPLAINT, CUSTOMER, now)));
        table.add(row("givenCnResolved_whenDisputed_thenDisputed", cn, RESOLVED, DISPUTE,
                new ComplaintResolutionDisputed(COMPLAINT, CUSTOMER, "not enough", now)));
        for (ComplaintState from : List.of(IN_PROGRESS, AWAITING_CUSTOMER, RESOLUTION_PROPOSED, RESOLVED, DISPUTED)) {
            table.add(row("givenCn" + camel(from) + "_whenReferred_thenReferred", cn, from, REFER,
                    new ComplaintReferred(COMPLAINT, CUSTOMER, ReferralBody.REGULATOR, "the regulator", "REG-42",
                            now)));
        }

        // Reopening: the clocks start again from the reopening.
        for (ComplaintState from : SETTLED) {
            table.add(row("givenCn" + camel(from) + "_whenReopened_thenClocksRunFromTheReopening", cn, from, REOPEN,
                    new ComplaintReopened(COMPLAINT, CUSTOMER, REOPEN_REASON, now),
                    clocksSet(List.of(CN_REOPENED_NOW), "reopened: " + REOPEN_REASON, now)));
        }
        table.add(row("givenUkResolved_whenReopened_thenClocksRunFromTheReopening", Scenario.UK, RESOLVED, REOPEN,
                new ComplaintReopened(COMPLAINT, CUSTOMER, REOPEN_REASON, Scenario.UK.now),
                clocksSet(UK_REOPENED_NOW, "reopened: " + REOPEN_REASON, Scenario.UK.now)));
        table.add(row("givenUsClosed_whenReopened_thenClocksRunFromTheReopening", Scenario.US, CLOSED, REOPEN,
                new ComplaintReopened(COMPLAINT, CUSTOMER, REOPEN_REASON, Scenario.US.now),
                clocksSet(US_REOPENED_NOW, "reopened: " + REOPEN_REASON, Scenario.US.now)));

        // A calendar update: the China complaint's clocks are within the shipped calendar, nothing to recompute
        // (ComplaintCalendarUpdateTest has the clocks it does recompute).
        for (ComplaintState from : OPEN) {
            table.add(row("givenCn" + camel(from) + "_whenClocksRecomputed_thenNothingProvisionalSoNothingRecorded", cn,
                    from, RECOMPUTE_CLOCKS));
        }

        // The clock watcher, on the UK complaint (its final response clock runs in every open state).
        Instant warning = Instant.parse("2027-01-12T09:00:00Z");
        Instant due = UK_FINAL.dueAt();
        for (ComplaintState from : OPEN) {
            table.add(new Transition("givenUk" + camel(from) + "_whenDeadlineApproaching_thenWarningRecorded",
                    Scenario.UK, from, RECORD_APPROACHING, List.of(), recordApproaching(FCA_FINAL_RESPONSE, warning),
                    List.of(new ComplaintDeadlineApproaching(COMPLAINT, CUSTOMER, FCA_FINAL_RESPONSE, due,
                            warning))));
            table.add(new Transition("givenUk" + camel(from) + "_whenDeadlineBreached_thenBreachRecorded",
                    Scenario.UK, from, RECORD_BREACH, List.of(), recordBreach(FCA_FINAL_RESPONSE, due),
                    List.of(new ComplaintDeadlineBreached(COMPLAINT, CUSTOMER, FCA_FINAL_RESPONSE, due, due))));
        }
        return table;
    }

    /** A row whose command is the step's canonical one for the scenario. */
    private static Transition row(String name, Scenario scenario, ComplaintState from, ComplaintStep step,
                                  Object... events) {
        return new Transition(name, scenario, from, step, List.of(), commandFor(scenario, step), List.of(events));
    }

    /** On top of a state's history: the first extension granted, the second asked for by the handler. */
    private static List<Object> secondExtensionAsked(Instant at) {
        return List.of(new ComplaintDeadlineExtended(COMPLAINT, CUSTOMER, 1, EXTENSION_REASON, null, at),
                new ComplaintDeadlineExtensionRequested(COMPLAINT, CUSTOMER, 2, ESPECIALLY_COMPLEX, HANDLER, at));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("legalTransitions")
    void givenStateAllowingStepWhenCommandSentThenExactlyTheExpectedEvents(Transition transition) {
        fixture.given(with(historyOf(transition.scenario(), transition.from()),
                        transition.before().toArray()))
                .when(transition.command())
                .expectSuccessfulHandlerExecution()
                .expectEvents(transition.events().toArray());
    }

    /** Every (step, state) pair that is not in the legal table above. */
    static Stream<Arguments> illegalTransitions() {
        return TransitionTables.illegalTransitions(allPairs(), specifiedPairs());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("illegalTransitions")
    void givenStateNotAllowingStepWhenCommandSentThenIllegalTransitionAndNoEvents(ComplaintStep step,
                                                                                     ComplaintState state) {
        expectRefused(historyOf(Scenario.CN, state), commandFor(Scenario.CN, step), ErrorCode.ILLEGAL_TRANSITION);
    }

    @Test
    void illegalTransitionsAreAllThePairsOutsideTheTable() {
        // 16 steps x 8 states = 128 pairs; the table above allows 46 of them.
        assertEquals(ComplaintStep.values().length * ComplaintState.values().length,
                specifiedPairs().size() + illegalTransitions().count());
        assertEquals(46, specifiedPairs().size());
    }

    @Test
    void complaintStepTableAllowsExactlyTheLegalTransitionsSpecifiedHere() {
        assertEquals(specifiedPairs(), TransitionTables.allowed(allPairs()));
    }

    // ---- a few histories the table does not reach ----

    @Test
    void givenCnResolvedWhileWaitingForTheCustomerWhenReopenedThenTheNewClockRunsInsteadOfStayingStopped() {
        // Resolved on Friday 2026-11-06 while the clock was stopped (since Nov 5); the reopening starts a new round
        // with no pause carried over.
        fixture.given(with(awaitingCustomer(Scenario.CN),
                        resolvedEvent(false, Instant.parse("2026-11-06T02:00:00Z"))))
                .when(reopen(Scenario.CN.now))
                .expectEvents(new ComplaintReopened(COMPLAINT, CUSTOMER, REOPEN_REASON, Scenario.CN.now),
                        clocksSet(List.of(CN_REOPENED_NOW), "reopened: " + REOPEN_REASON, Scenario.CN.now));
    }

    @Test
    void givenCnExtendedThenResolvedWhenReopenedThenFifteenDaysAgainAndTheExtensionsStartOver() {
        Instant extendedAt = Scenario.CN.at(3);
        List<Object> reopened = with(inProgress(Scenario.CN),
                new ComplaintDeadlineExtended(COMPLAINT, CUSTOMER, 1, EXTENSION_REASON, APPROVER, extendedAt),
                clocksSet(List.of(CN_30), "extended: " + EXTENSION_REASON, extendedAt),
                resolvedEvent(false, Scenario.CN.at(4)));
        fixture.given(reopened)
                .when(reopen(Scenario.CN.now))
                .expectEvents(new ComplaintReopened(COMPLAINT, CUSTOMER, REOPEN_REASON, Scenario.CN.now),
                        clocksSet(List.of(CN_REOPENED_NOW), "reopened: " + REOPEN_REASON, Scenario.CN.now));

        // After the reopening a first extension is a tier-1 one again, without approver: 30 days from Nov 9 is
        // Wednesday 2026-12-09.
        Instant later = Instant.parse("2026-11-10T02:00:00Z");
        newFixture().given(with(reopened,
                        new ComplaintReopened(COMPLAINT, CUSTOMER, REOPEN_REASON, Scenario.CN.now),
                        clocksSet(List.of(CN_REOPENED_NOW), "reopened: " + REOPEN_REASON, Scenario.CN.now)))
                .when(extend(EXTENSION_REASON, null, later))
                .expectEvents(new ComplaintDeadlineExtended(COMPLAINT, CUSTOMER, 1, EXTENSION_REASON, null, later),
                        clocksSet(List.of(new RegulatoryClock(NFRA_DECISION, LocalDate.parse("2026-12-09"),
                                        Instant.parse("2026-12-09T16:00:00Z"), false, true,
                                        "NFRA consumer complaint measures: decision within 30 days of receipt on"
                                                + " 2026-11-09 (extended: complex case)")),
                                "extended: " + EXTENSION_REASON, later));
    }

    @Test
    void givenUkResolutionProposedWhenHoldingResponseSentThenClocksUnchanged() {
        // A holding reply changes no FCA clock by itself: only the extension it allows does.
        fixture.given(resolutionProposed(Scenario.UK_PAYMENTS))
                .when(commandFor(Scenario.UK_PAYMENTS, SEND_HOLDING_RESPONSE))
                .expectEvents(holdingResponseSent(Scenario.UK_PAYMENTS.now));
    }

    private static Set<StepFrom<ComplaintStep, ComplaintState>> specifiedPairs() {
        return legalTransitions().stream()
                .map(t -> new StepFrom<>(t.step(), t.from()))
                .collect(Collectors.toSet());
    }

    private static Stream<StepFrom<ComplaintStep, ComplaintState>> allPairs() {
        return TransitionTables.allPairs(ComplaintStep.values(), ComplaintState.values());
    }
}

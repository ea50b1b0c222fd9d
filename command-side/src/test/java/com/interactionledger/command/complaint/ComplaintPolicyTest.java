package com.interactionledger.command.complaint;

import com.interactionledger.command.AggregateFixtureSupport;
import com.interactionledger.command.complaint.ComplaintScenarios.Scenario;
import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.contracts.complaint.ClockType;
import com.interactionledger.contracts.complaint.ComplaintDeadlineApproaching;
import com.interactionledger.contracts.complaint.ComplaintDeadlineBreached;
import com.interactionledger.contracts.complaint.ComplaintDeadlineExtended;
import com.interactionledger.contracts.complaint.ComplaintDeadlineExtensionRequested;
import com.interactionledger.contracts.complaint.ComplaintInformationReceived;
import com.interactionledger.contracts.complaint.ComplaintReopened;
import com.interactionledger.contracts.complaint.ComplaintState;
import com.interactionledger.contracts.complaint.RegulatoryClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static com.interactionledger.command.complaint.ComplaintScenarios.*;
import static com.interactionledger.contracts.complaint.ClockType.CFPB_FINAL_RESPONSE;
import static com.interactionledger.contracts.complaint.ClockType.CFPB_RESPONSE;
import static com.interactionledger.contracts.complaint.ClockType.FCA_FINAL_RESPONSE;
import static com.interactionledger.contracts.complaint.ClockType.FCA_SUMMARY_RESOLUTION;
import static com.interactionledger.contracts.complaint.ClockType.NFRA_DECISION;

/**
 * The regulatory rules of the complaint, each with its stable error code; a refused command appends nothing.
 * Expected clocks are written out by hand (see {@link ComplaintScenarios} for the working).
 */
class ComplaintPolicyTest extends AggregateFixtureSupport<Complaint> {

    ComplaintPolicyTest() {
        super(ComplaintScenarios::newFixture, ComplaintRuleViolation.class);
    }

    // ---- extensions (EXTENSION_NOT_ALLOWED) ----

    private static final String EXCEPTIONAL = "exceptional circumstances";
    private static final String ESPECIALLY_COMPLEX = "especially complex case";
    private static final String DEPUTY = "deputy-general-manager";

    /** China, extended once on receipt day + 3 hours: 30 days, due 2026-12-02. */
    private List<Object> cnExtendedOnce() {
        Instant at = Scenario.CN.at(3);
        return with(inProgress(Scenario.CN),
                new ComplaintDeadlineExtended(COMPLAINT, CUSTOMER, 1, EXTENSION_REASON, null, at),
                clocksSet(List.of(CN_30), "extended: " + EXTENSION_REASON, at));
    }

    private List<Object> cnExtendedTwice() {
        Instant at = Scenario.CN.at(4);
        return with(cnExtendedOnce(),
                new ComplaintDeadlineExtended(COMPLAINT, CUSTOMER, 2, ESPECIALLY_COMPLEX, DEPUTY, at),
                clocksSet(List.of(CN_60), "extended: " + ESPECIALLY_COMPLEX, at));
    }

    /** UK payment services after a holding reply explaining the delay. */
    private List<Object> ukPaymentsAfterHoldingResponse() {
        return with(inProgress(Scenario.UK_PAYMENTS), holdingResponseSent(Scenario.UK_PAYMENTS.at(3)));
    }

    static Stream<Arguments> extensionsNotAllowed() {
        return Stream.of(
                scenario("givenUkGeneralWhenExtendedThenExtensionNotAllowed",
                        inProgress(Scenario.UK), extend(EXTENSION_REASON, APPROVER, Scenario.UK.now)),
                scenario("givenUkGeneralAfterHoldingResponseWhenExtendedThenExtensionNotAllowed",
                        with(inProgress(Scenario.UK), holdingResponseSent(Scenario.UK.at(3))),
                        extend(EXCEPTIONAL, APPROVER, Scenario.UK.now)),
                scenario("givenUsWhenExtendedThenExtensionNotAllowed",
                        inProgress(Scenario.US), extend(EXTENSION_REASON, APPROVER, Scenario.US.now)),
                scenario("givenUsAfterHoldingResponseWhenExtendedThenExtensionNotAllowed",
                        with(inProgress(Scenario.US), holdingResponseSent(Scenario.US.at(3))),
                        extend(EXTENSION_REASON, APPROVER, Scenario.US.now)),
                scenario("givenUkPaymentServicesWithoutHoldingResponseWhenExtendedThenExtensionNotAllowed",
                        inProgress(Scenario.UK_PAYMENTS), extend(EXCEPTIONAL, APPROVER, Scenario.UK_PAYMENTS.now)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("extensionsNotAllowed")
    void givenNoExtensionOpenToTheComplaintWhenExtendedThenExtensionNotAllowed(List<Object> history, Object command) {
        expectRefused(history, command, ErrorCode.EXTENSION_NOT_ALLOWED);
    }

    @Test
    void givenUkPaymentServicesAfterHoldingResponseWhenExtendedThenThirtyFiveBusinessDays() {
        Instant now = Scenario.UK_PAYMENTS.now;
        fixture.given(ukPaymentsAfterHoldingResponse())
                .when(extend(EXCEPTIONAL, null, now))
                .expectEvents(new ComplaintDeadlineExtended(COMPLAINT, CUSTOMER, 1, EXCEPTIONAL, null, now),
                        clocksSet(List.of(UK_SUMMARY, UK_PSD_35), "extended: " + EXCEPTIONAL, now));
    }

    @Test
    void givenUkEMoneyAfterHoldingResponseWhenExtendedThenThirtyFiveBusinessDays() {
        Instant now = Scenario.UK_E_MONEY.now;
        fixture.given(with(inProgress(Scenario.UK_E_MONEY), holdingResponseSent(Scenario.UK_E_MONEY.at(3))))
                .when(extend(EXCEPTIONAL, null, now))
                .expectEvents(new ComplaintDeadlineExtended(COMPLAINT, CUSTOMER, 1, EXCEPTIONAL, null, now),
                        clocksSet(List.of(UK_SUMMARY, UK_PSD_35), "extended: " + EXCEPTIONAL, now));
    }

    @Test
    void givenUkPaymentServicesAlreadyExtendedWhenExtendedAgainThenExtensionNotAllowed() {
        Instant at = Scenario.UK_PAYMENTS.at(4);
        expectRefused(with(ukPaymentsAfterHoldingResponse(),
                        new ComplaintDeadlineExtended(COMPLAINT, CUSTOMER, 1, EXCEPTIONAL, null, at),
                        clocksSet(List.of(UK_SUMMARY, UK_PSD_35), "extended: " + EXCEPTIONAL, at)),
                extend(EXCEPTIONAL, APPROVER, Scenario.UK_PAYMENTS.now), ErrorCode.EXTENSION_NOT_ALLOWED);
    }

    @Test
    void givenUkPaymentServicesAfterHoldingResponseWhenExtendedAfterTheFifteenthBusinessDayEndedThenExtensionNotAllowed() {
        // The 15 business days end at 2026-12-15T00:00Z (midnight London, GMT).
        expectRefused(ukPaymentsAfterHoldingResponse(),
                extend(EXCEPTIONAL, null, Instant.parse("2026-12-15T00:00:00Z")), ErrorCode.EXTENSION_NOT_ALLOWED);
    }

    @Test
    void givenCnWhenFirstExtensionThenThirtyDaysWithoutApprover() {
        Instant now = Scenario.CN.now;
        fixture.given(inProgress(Scenario.CN))
                .when(extend(EXTENSION_REASON, null, now))
                .expectEvents(new ComplaintDeadlineExtended(COMPLAINT, CUSTOMER, 1, EXTENSION_REASON, null, now),
                        clocksSet(List.of(CN_30), "extended: " + EXTENSION_REASON, now));
    }

    @Test
    void givenCnExtendedOnceWhenSecondExtensionAskedThenItAwaitsApprovalAndTheDeadlineStays() {
        Instant now = Scenario.CN.now;
        fixture.given(cnExtendedOnce())
                .when(extend(ESPECIALLY_COMPLEX, HANDLER, now))
                .expectEvents(new ComplaintDeadlineExtensionRequested(COMPLAINT, CUSTOMER, 2, ESPECIALLY_COMPLEX,
                        HANDLER, now));
    }

    /** China, extended once, the second extension asked for by the handler on receipt day + 4 hours. */
    private List<Object> cnSecondExtensionAsked() {
        return with(cnExtendedOnce(), new ComplaintDeadlineExtensionRequested(COMPLAINT, CUSTOMER, 2,
                ESPECIALLY_COMPLEX, HANDLER, Scenario.CN.at(4)));
    }

    @Test
    void givenCnSecondExtensionAskedWhenAnotherSupervisorApprovesThenSixtyDaysWithCalendarWarning() {
        Instant now = Scenario.CN.now;
        fixture.given(cnSecondExtensionAsked())
                .when(approveExtension(DEPUTY, now))
                .expectEvents(new ComplaintDeadlineExtended(COMPLAINT, CUSTOMER, 2, ESPECIALLY_COMPLEX, DEPUTY, now),
                        clocksSet(List.of(CN_60), "extended: " + ESPECIALLY_COMPLEX, now));
    }

    @Test
    void givenCnSecondExtensionAskedWhenTheRequesterApprovesItThenExtensionNotAllowed() {
        expectRefused(cnSecondExtensionAsked(), approveExtension(HANDLER, Scenario.CN.now),
                ErrorCode.EXTENSION_NOT_ALLOWED);
    }

    @Test
    void givenCnSecondExtensionAskedWhenAskedAgainThenExtensionNotAllowed() {
        expectRefused(cnSecondExtensionAsked(), extend(ESPECIALLY_COMPLEX, DEPUTY, Scenario.CN.now),
                ErrorCode.EXTENSION_NOT_ALLOWED);
    }

    @Test
    void givenCnSecondExtensionAskedWhenApprovedAfterTheThirtyDaysEndedThenExtensionNotAllowed() {
        expectRefused(cnSecondExtensionAsked(), approveExtension(DEPUTY, Instant.parse("2026-12-02T16:00:00Z")),
                ErrorCode.EXTENSION_NOT_ALLOWED);
    }

    @Test
    void givenCnExtendedOnceWhenAnApprovalArrivesWithNothingAskedThenExtensionNotAllowed() {
        expectRefused(cnExtendedOnce(), approveExtension(DEPUTY, Scenario.CN.now), ErrorCode.EXTENSION_NOT_ALLOWED);
    }

    @Test
    void givenCnExtendedTwiceWhenThirdExtensionThenExtensionNotAllowed() {
        expectRefused(cnExtendedTwice(), extend(ESPECIALLY_COMPLEX, DEPUTY, Scenario.CN.now),
                ErrorCode.EXTENSION_NOT_ALLOWED);
    }

    @Test
    void givenCnWhenExtendedAtTheInstantTheFifteenDaysEndThenExtensionNotAllowed() {
        // 2026-11-17 ends at 2026-11-18 00:00 Shanghai = 2026-11-17T16:00Z.
        expectRefused(inProgress(Scenario.CN), extend(EXTENSION_REASON, null, Instant.parse("2026-11-17T16:00:00Z")),
                ErrorCode.EXTENSION_NOT_ALLOWED);
    }

    @Test
    void givenCnWhenExtendedAfterTheFifteenDaysEndedThenExtensionNotAllowed() {
        expectRefused(inProgress(Scenario.CN), extend(EXTENSION_REASON, null, Instant.parse("2026-11-20T03:00:00Z")),
                ErrorCode.EXTENSION_NOT_ALLOWED);
    }

    @Test
    void givenCnWhenExtendedInTheLastSecondOfTheFifteenDaysThenThirtyDays() {
        Instant lastSecond = Instant.parse("2026-11-17T15:59:59Z");
        fixture.given(inProgress(Scenario.CN))
                .when(extend(EXTENSION_REASON, null, lastSecond))
                .expectEvents(new ComplaintDeadlineExtended(COMPLAINT, CUSTOMER, 1, EXTENSION_REASON, null,
                                lastSecond),
                        clocksSet(List.of(CN_30), "extended: " + EXTENSION_REASON, lastSecond));
    }

    @Test
    void givenCnExtendedOnceWhenSecondExtensionAfterTheThirtyDaysEndedThenExtensionNotAllowed() {
        expectRefused(cnExtendedOnce(), extend(ESPECIALLY_COMPLEX, DEPUTY, Instant.parse("2026-12-02T16:00:00Z")),
                ErrorCode.EXTENSION_NOT_ALLOWED);
    }

    // ---- summary resolution (SUMMARY_RESOLUTION_NOT_ALLOWED) ----

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Scenario.class, names = {"US", "CN"})
    void givenComplaintOutsideTheFcaWhenResolvedWithSummaryResolutionThenSummaryResolutionNotAllowed(
            Scenario scenario) {
        expectRefused(inProgress(scenario), resolve(true, scenario.now),
                ErrorCode.SUMMARY_RESOLUTION_NOT_ALLOWED);
    }

    @Test
    void givenUkWhenResolvedWithSummaryResolutionAtTheEndOfTheThirdBusinessDayThenSummaryResolutionNotAllowed() {
        // The window closes at the end of Thursday 2026-11-26 London = 2026-11-27T00:00Z.
        expectRefused(inProgress(Scenario.UK), resolve(true, Instant.parse("2026-11-27T00:00:00Z")),
                ErrorCode.SUMMARY_RESOLUTION_NOT_ALLOWED);
    }

    @Test
    void givenUkWhenResolvedWithSummaryResolutionAWeekLaterThenSummaryResolutionNotAllowed() {
        expectRefused(received(Scenario.UK), resolve(true, Instant.parse("2026-11-30T10:00:00Z")),
                ErrorCode.SUMMARY_RESOLUTION_NOT_ALLOWED);
    }

    @Test
    void givenUkWhenResolvedWithSummaryResolutionWithinTheWindowThenResolvedBySummaryResolution() {
        Instant now = Scenario.UK.now;
        fixture.given(inProgress(Scenario.UK))
                .when(resolve(true, now))
                .expectEvents(resolvedEvent(true, now));
    }

    @Test
    void givenUkWhenResolvedWithSummaryResolutionInTheLastSecondOfTheWindowThenResolvedBySummaryResolution() {
        Instant lastSecond = Instant.parse("2026-11-26T23:59:59Z");
        fixture.given(received(Scenario.UK))
                .when(resolve(true, lastSecond))
                .expectEvents(resolvedEvent(true, lastSecond));
    }

    @Test
    void givenUkPaymentServicesWhenResolvedWithSummaryResolutionWithinTheWindowThenResolvedBySummaryResolution() {
        Instant now = Scenario.UK_PAYMENTS.now;
        fixture.given(awaitingCustomer(Scenario.UK_PAYMENTS))
                .when(resolve(true, now))
                .expectEvents(resolvedEvent(true, now));
    }

    @Test
    void givenUkAfterTheWindowWhenResolvedWithAFinalResponseThenResolved() {
        Instant later = Instant.parse("2026-12-10T10:00:00Z");
        fixture.given(inProgress(Scenario.UK))
                .when(resolve(false, later))
                .expectEvents(resolvedEvent(false, later));
    }

    // ---- the clock watcher: breaches and warnings ----

    /** UK final response: due 2027-01-18, which ends at 2027-01-19T00:00Z. */
    private static final Instant UK_DUE = Instant.parse("2027-01-19T00:00:00Z");

    @Test
    void givenUkWhenBreachRecordedBeforeTheDueInstantThenDeadlineNotReached() {
        expectRefused(inProgress(Scenario.UK), recordBreach(FCA_FINAL_RESPONSE, Instant.parse("2027-01-18T23:59:59Z")),
                ErrorCode.DEADLINE_NOT_REACHED);
    }

    @Test
    void givenUkWhenBreachRecordedAtTheDueInstantThenBreached() {
        fixture.given(inProgress(Scenario.UK))
                .when(recordBreach(FCA_FINAL_RESPONSE, UK_DUE))
                .expectEvents(new ComplaintDeadlineBreached(COMPLAINT, CUSTOMER, FCA_FINAL_RESPONSE, UK_DUE, UK_DUE));
    }

    @Test
    void givenUkWhenBreachRecordedDaysAfterTheDueInstantThenBreachedWithTheDueInstantAndTheTimeSeen() {
        Instant seen = Instant.parse("2027-01-25T08:00:00Z");
        fixture.given(awaitingCustomer(Scenario.UK))
                .when(recordBreach(FCA_FINAL_RESPONSE, seen))
                .expectEvents(new ComplaintDeadlineBreached(COMPLAINT, CUSTOMER, FCA_FINAL_RESPONSE, UK_DUE, seen));
    }

    @Test
    void givenUkBreachAlreadyRecordedWhenBreachRecordedAgainThenDeadlineAlreadyRecorded() {
        expectRefused(with(inProgress(Scenario.UK),
                        new ComplaintDeadlineBreached(COMPLAINT, CUSTOMER, FCA_FINAL_RESPONSE, UK_DUE, UK_DUE)),
                recordBreach(FCA_FINAL_RESPONSE, Instant.parse("2027-01-20T08:00:00Z")),
                ErrorCode.DEADLINE_ALREADY_RECORDED);
    }

    @Test
    void givenUkWarningRecordedWhenBreachRecordedAtTheDueInstantThenBreached() {
        Instant warned = Instant.parse("2027-01-12T09:00:00Z");
        fixture.given(with(inProgress(Scenario.UK),
                        new ComplaintDeadlineApproaching(COMPLAINT, CUSTOMER, FCA_FINAL_RESPONSE, UK_DUE, warned)))
                .when(recordBreach(FCA_FINAL_RESPONSE, UK_DUE))
                .expectEvents(new ComplaintDeadlineBreached(COMPLAINT, CUSTOMER, FCA_FINAL_RESPONSE, UK_DUE, UK_DUE));
    }

    @Test
    void givenUkWhenBreachOfTheSummaryWindowRecordedThenClockNotRunning() {
        // The summary window is an opportunity, not an obligation: it cannot be breached.
        expectRefused(inProgress(Scenario.UK), recordBreach(FCA_SUMMARY_RESOLUTION, Instant.parse("2026-11-30T10:00:00Z")),
                ErrorCode.CLOCK_NOT_RUNNING);
    }

    @ParameterizedTest(name = "given{0}_whenBreachOf{1}Recorded_thenClockNotRunning")
    @CsvSource({
            "UK,          NFRA_DECISION",
            "UK,          FCA_PSD_FINAL_RESPONSE",
            "UK,          CFPB_FINAL_RESPONSE",
            "UK_PAYMENTS, FCA_FINAL_RESPONSE",
            "US,          FCA_FINAL_RESPONSE",
            "US,          NFRA_DECISION",
            "CN,          CFPB_RESPONSE",
            "CN,          FCA_FINAL_RESPONSE"})
    void givenJurisdictionWithoutThatClockWhenBreachRecordedThenClockNotRunning(Scenario scenario,
                                                                                  ClockType clock) {
        expectRefused(inProgress(scenario), recordBreach(clock, Instant.parse("2027-06-01T00:00:00Z")),
                ErrorCode.CLOCK_NOT_RUNNING);
    }

    @Test
    void givenCnWaitingForTheCustomerWhenBreachRecordedThenClockNotRunning() {
        // Long after the original due date: the clock is stopped, so nothing runs out.
        expectRefused(awaitingCustomer(Scenario.CN), recordBreach(NFRA_DECISION, Instant.parse("2026-12-01T00:00:00Z")),
                ErrorCode.CLOCK_NOT_RUNNING);
    }

    @Test
    void givenCnRunningAgainAfterWaitingWhenBreachRecordedAtTheOriginalDueInstantThenDeadlineNotReached() {
        expectRefused(cnRunningAgain(), recordBreach(NFRA_DECISION, CN_15.dueAt()), ErrorCode.DEADLINE_NOT_REACHED);
    }

    @Test
    void givenCnRunningAgainAfterWaitingWhenBreachRecordedAtTheMovedDueInstantThenBreached() {
        // Four days waited: due Monday 2026-11-23, which ends at 2026-11-23T16:00Z.
        Instant movedDue = Instant.parse("2026-11-23T16:00:00Z");
        fixture.given(cnRunningAgain())
                .when(recordBreach(NFRA_DECISION, movedDue))
                .expectEvents(new ComplaintDeadlineBreached(COMPLAINT, CUSTOMER, NFRA_DECISION, movedDue, movedDue));
    }

    @Test
    void givenUsAfterHoldingResponseWhenBreachOfTheResponseClockRecordedThenClockNotRunning() {
        // The holding reply is the "in progress" response the 15-day clock asks for.
        expectRefused(with(inProgress(Scenario.US), holdingResponseSent(Scenario.US.at(3))),
                recordBreach(CFPB_RESPONSE, US_RESPONSE.dueAt()), ErrorCode.CLOCK_NOT_RUNNING);
    }

    @Test
    void givenUsWithoutHoldingResponseWhenBreachOfTheResponseClockRecordedThenBreached() {
        // 15 days: 2026-12-08, which ends at 2026-12-09 00:00 New York = 05:00Z.
        Instant due = Instant.parse("2026-12-09T05:00:00Z");
        fixture.given(inProgress(Scenario.US))
                .when(recordBreach(CFPB_RESPONSE, due))
                .expectEvents(new ComplaintDeadlineBreached(COMPLAINT, CUSTOMER, CFPB_RESPONSE, due, due));
    }

    @Test
    void givenUsAfterHoldingResponseWhenBreachOfTheFinalResponseClockRecordedThenBreached() {
        // 60 days: 2027-01-22, which ends at 2027-01-23 00:00 New York = 05:00Z.
        Instant due = Instant.parse("2027-01-23T05:00:00Z");
        fixture.given(with(inProgress(Scenario.US), holdingResponseSent(Scenario.US.at(3)),
                        new ComplaintDeadlineBreached(COMPLAINT, CUSTOMER, CFPB_RESPONSE, US_RESPONSE.dueAt(),
                                US_RESPONSE.dueAt())))
                .when(recordBreach(CFPB_FINAL_RESPONSE, due))
                .expectEvents(new ComplaintDeadlineBreached(COMPLAINT, CUSTOMER, CFPB_FINAL_RESPONSE, due, due));
    }

    @ParameterizedTest(name = "given{0}_whenBreachRecorded_thenIllegalTransition")
    @EnumSource(value = ComplaintState.class, names = {"RESOLVED", "CLOSED", "DISPUTED", "REFERRED"})
    void givenSettledComplaintWhenBreachRecordedThenIllegalTransition(ComplaintState state) {
        expectRefused(historyOf(Scenario.UK, state), recordBreach(FCA_FINAL_RESPONSE, UK_DUE),
                ErrorCode.ILLEGAL_TRANSITION);
    }

    private List<Object> cnRunningAgain() {
        Instant now = Scenario.CN.now;
        return with(awaitingCustomer(Scenario.CN),
                new ComplaintInformationReceived(COMPLAINT, CUSTOMER, "statement", now),
                clocksSet(List.of(CN_RUNNING_AGAIN_NOW), CLOCKS_RUNNING_AGAIN, now));
    }

    private static final Instant A_WEEK_BEFORE = Instant.parse("2027-01-12T09:00:00Z");

    @Test
    void givenUkWhenWarningRecordedBeforeTheDueInstantThenDeadlineApproaching() {
        fixture.given(inProgress(Scenario.UK))
                .when(recordApproaching(FCA_FINAL_RESPONSE, A_WEEK_BEFORE))
                .expectEvents(new ComplaintDeadlineApproaching(COMPLAINT, CUSTOMER, FCA_FINAL_RESPONSE, UK_DUE,
                        A_WEEK_BEFORE));
    }

    @Test
    void givenUkWhenWarningRecordedInTheLastSecondThenDeadlineApproaching() {
        Instant lastSecond = Instant.parse("2027-01-18T23:59:59Z");
        fixture.given(received(Scenario.UK))
                .when(recordApproaching(FCA_FINAL_RESPONSE, lastSecond))
                .expectEvents(new ComplaintDeadlineApproaching(COMPLAINT, CUSTOMER, FCA_FINAL_RESPONSE, UK_DUE,
                        lastSecond));
    }

    @Test
    void givenUkWhenWarningRecordedAtTheDueInstantThenDeadlineNotReached() {
        expectRefused(inProgress(Scenario.UK), recordApproaching(FCA_FINAL_RESPONSE, UK_DUE),
                ErrorCode.DEADLINE_NOT_REACHED);
    }

    @Test
    void givenUkWhenWarningRecordedAfterTheDueInstantThenDeadlineNotReached() {
        expectRefused(inProgress(Scenario.UK),
                recordApproaching(FCA_FINAL_RESPONSE, Instant.parse("2027-01-20T09:00:00Z")),
                ErrorCode.DEADLINE_NOT_REACHED);
    }

    @Test
    void givenUkWarningAlreadyRecordedWhenWarningRecordedAgainThenDeadlineAlreadyRecorded() {
        expectRefused(with(inProgress(Scenario.UK), new ComplaintDeadlineApproaching(COMPLAINT, CUSTOMER,
                        FCA_FINAL_RESPONSE, UK_DUE, A_WEEK_BEFORE)),
                recordApproaching(FCA_FINAL_RESPONSE, Instant.parse("2027-01-15T09:00:00Z")),
                ErrorCode.DEADLINE_ALREADY_RECORDED);
    }

    @Test
    void givenCnWarnedThenExtendedWhenWarningRecordedThenApproachingForTheNewDueDate() {
        Instant warnedAt = Scenario.CN.at(3);
        Instant extendedAt = Scenario.CN.at(4);
        Instant now = Scenario.CN.now;
        fixture.given(with(inProgress(Scenario.CN),
                        new ComplaintDeadlineApproaching(COMPLAINT, CUSTOMER, NFRA_DECISION, CN_15.dueAt(), warnedAt),
                        new ComplaintDeadlineExtended(COMPLAINT, CUSTOMER, 1, EXTENSION_REASON, null, extendedAt),
                        clocksSet(List.of(CN_30), "extended: " + EXTENSION_REASON, extendedAt)))
                .when(recordApproaching(NFRA_DECISION, now))
                .expectEvents(new ComplaintDeadlineApproaching(COMPLAINT, CUSTOMER, NFRA_DECISION,
                        Instant.parse("2026-12-02T16:00:00Z"), now));
    }

    @Test
    void givenCnWaitingForTheCustomerWhenWarningRecordedThenClockNotRunning() {
        expectRefused(awaitingCustomer(Scenario.CN), recordApproaching(NFRA_DECISION, Scenario.CN.now),
                ErrorCode.CLOCK_NOT_RUNNING);
    }

    @Test
    void givenUkWhenWarningOfTheSummaryWindowRecordedThenClockNotRunning() {
        expectRefused(inProgress(Scenario.UK), recordApproaching(FCA_SUMMARY_RESOLUTION, Scenario.UK.now),
                ErrorCode.CLOCK_NOT_RUNNING);
    }

    @Test
    void givenUsAfterHoldingResponseWhenWarningOfTheResponseClockRecordedThenClockNotRunning() {
        expectRefused(with(inProgress(Scenario.US), holdingResponseSent(Scenario.US.at(3))),
                recordApproaching(CFPB_RESPONSE, Scenario.US.now), ErrorCode.CLOCK_NOT_RUNNING);
    }

    @Test
    void givenClosedComplaintWhenWarningRecordedThenIllegalTransition() {
        expectRefused(closed(Scenario.UK), recordApproaching(FCA_FINAL_RESPONSE, A_WEEK_BEFORE),
                ErrorCode.ILLEGAL_TRANSITION);
    }

    // ---- reopening: new clocks, new breaches ----

    /*
     * UK, reopened Monday 2027-02-01 10:00 London. Summary window: Tue 2, Wed 3, Thu 4 February. Final response
     * 8 weeks later: Monday 2027-03-29; London is on BST from 2027-03-28, so that day ends at 2027-03-29T23:00Z.
     */
    private final Instant reopenedAt = Instant.parse("2027-02-01T10:00:00Z");
    private final Instant oldDue = Instant.parse("2027-01-19T00:00:00Z");
    private final Instant newDue = Instant.parse("2027-03-29T23:00:00Z");
    private final List<RegulatoryClock> reopenedClocks = List.of(
            new RegulatoryClock(FCA_SUMMARY_RESOLUTION, LocalDate.parse("2027-02-04"),
                    Instant.parse("2027-02-05T00:00:00Z"), false, false,
                    "DISP 1.5: summary resolution possible until the close of the 3rd business day after receipt,"
                            + " after receipt on 2027-02-01 (England and Wales business days)"),
            new RegulatoryClock(FCA_FINAL_RESPONSE, LocalDate.parse("2027-03-29"), newDue, false, true,
                    "DISP 1.6.2R: final response within 8 weeks of receipt on 2027-02-01"));

    /** Warned, breached, then resolved late. */
    private List<Object> breachedThenResolved() {
        return with(inProgress(Scenario.UK),
                new ComplaintDeadlineApproaching(COMPLAINT, CUSTOMER, FCA_FINAL_RESPONSE, oldDue,
                        Instant.parse("2027-01-12T09:00:00Z")),
                new ComplaintDeadlineBreached(COMPLAINT, CUSTOMER, FCA_FINAL_RESPONSE, oldDue, oldDue),
                resolvedEvent(false, Instant.parse("2027-01-20T09:00:00Z")));
    }

    private List<Object> reopened() {
        return with(breachedThenResolved(),
                new ComplaintReopened(COMPLAINT, CUSTOMER, REOPEN_REASON, reopenedAt),
                clocksSet(reopenedClocks, "reopened: " + REOPEN_REASON, reopenedAt));
    }

    @Test
    void givenUkBreachedAndResolvedWhenReopenedThenClocksRunFromTheReopening() {
        fixture.given(breachedThenResolved())
                .when(reopen(reopenedAt))
                .expectEvents(new ComplaintReopened(COMPLAINT, CUSTOMER, REOPEN_REASON, reopenedAt),
                        clocksSet(reopenedClocks, "reopened: " + REOPEN_REASON, reopenedAt));
    }

    @Test
    void givenUkReopenedWhenBreachRecordedBeforeTheNewDueInstantThenDeadlineNotReached() {
        // 23:59:59 London time on the due day is still within it.
        expectRefused(reopened(), recordBreach(FCA_FINAL_RESPONSE, Instant.parse("2027-03-29T22:59:59Z")),
                ErrorCode.DEADLINE_NOT_REACHED);
    }

    @Test
    void givenUkReopenedWhenBreachRecordedAtTheNewDueInstantThenBreachedAgain() {
        fixture.given(reopened())
                .when(recordBreach(FCA_FINAL_RESPONSE, newDue))
                .expectEvents(new ComplaintDeadlineBreached(COMPLAINT, CUSTOMER, FCA_FINAL_RESPONSE, newDue, newDue));
    }

    @Test
    void givenUkReopenedAndBreachedAgainWhenBreachRecordedOnceMoreThenDeadlineAlreadyRecorded() {
        expectRefused(with(reopened(),
                        new ComplaintDeadlineBreached(COMPLAINT, CUSTOMER, FCA_FINAL_RESPONSE, newDue, newDue)),
                recordBreach(FCA_FINAL_RESPONSE, Instant.parse("2027-04-01T09:00:00Z")),
                ErrorCode.DEADLINE_ALREADY_RECORDED);
    }

    @Test
    void givenUkReopenedWhenWarningRecordedThenApproachingForTheNewDueInstant() {
        Instant warning = Instant.parse("2027-03-22T09:00:00Z");
        fixture.given(reopened())
                .when(recordApproaching(FCA_FINAL_RESPONSE, warning))
                .expectEvents(new ComplaintDeadlineApproaching(COMPLAINT, CUSTOMER, FCA_FINAL_RESPONSE, newDue,
                        warning));
    }

    @Test
    void givenUkReopenedWhenResolvedWithSummaryResolutionWithinTheNewWindowThenResolvedBySummaryResolution() {
        Instant within = Instant.parse("2027-02-03T15:00:00Z");
        fixture.given(reopened())
                .when(resolve(true, within))
                .expectEvents(resolvedEvent(true, within));
    }
}

package com.interactionledger.command.complaint;

import com.interactionledger.ledger.append.RuleViolations;
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
import com.interactionledger.contracts.complaint.ComplaintHoldingResponseSent;
import com.interactionledger.contracts.complaint.ComplaintId;
import com.interactionledger.contracts.complaint.ComplaintInformationRequested;
import com.interactionledger.contracts.complaint.ComplaintLodged;
import com.interactionledger.contracts.complaint.ComplaintOutcome;
import com.interactionledger.contracts.complaint.ComplaintReferred;
import com.interactionledger.contracts.complaint.ComplaintResolutionAccepted;
import com.interactionledger.contracts.complaint.ComplaintResolutionDisputed;
import com.interactionledger.contracts.complaint.ComplaintResolutionProposed;
import com.interactionledger.contracts.complaint.ComplaintResolved;
import com.interactionledger.contracts.complaint.ComplaintState;
import com.interactionledger.contracts.complaint.DisputeResolution;
import com.interactionledger.contracts.complaint.ExtendComplaintDeadline;
import com.interactionledger.contracts.complaint.Jurisdiction;
import com.interactionledger.contracts.complaint.LodgeComplaint;
import com.interactionledger.contracts.complaint.Money;
import com.interactionledger.contracts.complaint.ProposeResolution;
import com.interactionledger.contracts.complaint.ReceiveInformation;
import com.interactionledger.contracts.complaint.RecomputeComplaintClocks;
import com.interactionledger.contracts.complaint.RecordDeadlineApproaching;
import com.interactionledger.contracts.complaint.RecordDeadlineBreach;
import com.interactionledger.contracts.complaint.Redress;
import com.interactionledger.contracts.complaint.ReferComplaint;
import com.interactionledger.contracts.complaint.ReferralBody;
import com.interactionledger.contracts.complaint.RegulatoryClock;
import com.interactionledger.contracts.complaint.ReopenComplaint;
import com.interactionledger.contracts.complaint.RequestInformation;
import com.interactionledger.contracts.complaint.ResolveComplaint;
import com.interactionledger.contracts.complaint.SendHoldingResponse;
import com.interactionledger.contracts.complaint.ServiceRegime;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.contracts.dialogue.SessionId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Matcher;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static com.interactionledger.contracts.complaint.ClockType.CFPB_FINAL_RESPONSE;
import static com.interactionledger.contracts.complaint.ClockType.CFPB_RESPONSE;
import static com.interactionledger.contracts.complaint.ClockType.FCA_FINAL_RESPONSE;
import static com.interactionledger.contracts.complaint.ClockType.FCA_PSD_FINAL_RESPONSE;
import static com.interactionledger.contracts.complaint.ClockType.FCA_SUMMARY_RESOLUTION;
import static com.interactionledger.contracts.complaint.ClockType.NFRA_DECISION;

/**
 * Shared test data of the complaint tests: fixed ids and times, one scenario per jurisdiction (and UK regime), the
 * event histories that bring a complaint into each {@link ComplaintState}, one canonical command per
 * {@link ComplaintStep}, the regulatory clocks written out by hand, and a matcher for the error code of a
 * {@link ComplaintRuleViolation}. Nothing here reads a clock or a random source, and no expected clock is computed
 * by {@link DeadlinePolicy}: every due date and due instant below was worked out by hand from the shipped
 * calendars (see the comments).
 */
final class ComplaintScenarios {

    static final ComplaintId COMPLAINT = new ComplaintId("cmp-1");
    static final CustomerId CUSTOMER = new CustomerId("cust-1");
    static final SessionId SESSION = new SessionId("ses-1");

    static final String HANDLER = "handler-2";
    static final String TEAM = "escalations";
    static final String EXTENSION_REASON = "complex case";
    static final String APPROVER = "head-of-complaints";
    static final String REOPEN_REASON = "new evidence";

    // ---- scenarios: jurisdiction, regime and the fixed times of each ----

    /**
     * One complaint per jurisdiction. {@code received} is the receipt, the history's other events follow it by a
     * few hours ({@link #at}), {@code requested} is when the AWAITING_CUSTOMER history asked the customer for
     * information, and {@code now} is the time every command under test carries unless a test says otherwise.
     */
    enum Scenario {
        /** UK FCA general: Monday 2026-11-23 10:00 London (GMT). */
        UK(Jurisdiction.UK_FCA, ServiceRegime.GENERAL, "GBP",
                "2026-11-23T10:00:00Z", "2026-11-23T13:00:00Z", "2026-11-24T10:00:00Z"),
        /** UK FCA payment services, received at the same time. */
        UK_PAYMENTS(Jurisdiction.UK_FCA, ServiceRegime.PAYMENT_SERVICES, "GBP",
                "2026-11-23T10:00:00Z", "2026-11-23T13:00:00Z", "2026-11-24T10:00:00Z"),
        /** UK FCA e-money, received at the same time (same clocks as payment services). */
        UK_E_MONEY(Jurisdiction.UK_FCA, ServiceRegime.E_MONEY, "GBP",
                "2026-11-23T10:00:00Z", "2026-11-23T13:00:00Z", "2026-11-24T10:00:00Z"),
        /** US CFPB: Monday 2026-11-23 10:00 New York (EST, UTC-5). */
        US(Jurisdiction.US_CFPB, ServiceRegime.GENERAL, "USD",
                "2026-11-23T15:00:00Z", "2026-11-23T18:00:00Z", "2026-11-24T15:00:00Z"),
        /**
         * China NFRA: Monday 2026-11-02 09:00 Shanghai (UTC+8). Information requested Thursday 2026-11-05 14:00
         * Shanghai; the commands under test arrive Monday 2026-11-09 11:00 Shanghai.
         */
        CN(Jurisdiction.CN_NFRA, ServiceRegime.GENERAL, "CNY",
                "2026-11-02T01:00:00Z", "2026-11-05T06:00:00Z", "2026-11-09T03:00:00Z");

        final Jurisdiction jurisdiction;
        final ServiceRegime regime;
        final String currency;
        final Instant received;
        final Instant requested;
        final Instant now;

        Scenario(Jurisdiction jurisdiction, ServiceRegime regime, String currency, String received,
                 String requested, String now) {
            this.jurisdiction = jurisdiction;
            this.regime = regime;
            this.currency = currency;
            this.received = Instant.parse(received);
            this.requested = Instant.parse(requested);
            this.now = Instant.parse(now);
        }

        /** {@code hours} after receipt: the times of the history's events. */
        Instant at(int hours) {
            return received.plusSeconds(3600L * hours);
        }

        boolean pausesWhileAwaitingCustomer() {
            return jurisdiction == Jurisdiction.CN_NFRA;
        }

        /** The clocks recorded on receipt, written out by hand. */
        List<RegulatoryClock> lodgeClocks() {
            return switch (this) {
                case UK -> List.of(UK_SUMMARY, UK_FINAL);
                case UK_PAYMENTS, UK_E_MONEY -> List.of(UK_SUMMARY, UK_PSD_15);
                case US -> List.of(US_RESPONSE, US_FINAL);
                case CN -> List.of(CN_15);
            };
        }

        /** The clock a final response must beat, of the type the clock watcher would name. */
        ClockType finalClock() {
            return switch (this) {
                case UK -> FCA_FINAL_RESPONSE;
                case UK_PAYMENTS, UK_E_MONEY -> FCA_PSD_FINAL_RESPONSE;
                case US -> CFPB_FINAL_RESPONSE;
                case CN -> NFRA_DECISION;
            };
        }

        String camel() {
            return switch (this) {
                case UK -> "Uk";
                case UK_PAYMENTS -> "UkPaymentServices";
                case UK_E_MONEY -> "UkEMoney";
                case US -> "Us";
                case CN -> "Cn";
            };
        }
    }

    // ---- the clocks, by hand ----

    /*
     * UK, received Monday 2026-11-23 (London is on GMT until 2027-03-28, so local midnight is 00:00Z).
     * Summary window: 3 business days after the day of receipt: Tue 24, Wed 25, Thu 26.
     * Final response: 8 weeks = 56 calendar days: 2027-01-18 (a Monday).
     * Payment services, 15 business days: Nov 24-27 (4), Nov 30-Dec 4 (9), Dec 7-11 (14), Dec 14 (15).
     * Payment services extended, 35 business days: Dec 15-18 (19), Dec 21-24 (23), 25 and 28 are bank holidays,
     * Dec 29-31 (26), Jan 1 is a bank holiday, Jan 4-8 (31), Jan 11-14 (35).
     */
    static final String UK_SUMMARY_BASIS = "DISP 1.5: summary resolution possible until the close of the 3rd business"
            + " day after receipt, after receipt on 2026-11-23 (England and Wales business days)";
    static final RegulatoryClock UK_SUMMARY = new RegulatoryClock(FCA_SUMMARY_RESOLUTION,
            LocalDate.parse("2026-11-26"), Instant.parse("2026-11-27T00:00:00Z"), false, false, UK_SUMMARY_BASIS);
    static final RegulatoryClock UK_FINAL = new RegulatoryClock(FCA_FINAL_RESPONSE,
            LocalDate.parse("2027-01-18"), Instant.parse("2027-01-19T00:00:00Z"), false, true,
            "DISP 1.6.2R: final response within 8 weeks of receipt on 2026-11-23");
    static final RegulatoryClock UK_PSD_15 = new RegulatoryClock(FCA_PSD_FINAL_RESPONSE,
            LocalDate.parse("2026-12-14"), Instant.parse("2026-12-15T00:00:00Z"), false, true,
            "DISP 1.6.2AR: final response within 15 business days, after receipt on 2026-11-23"
                    + " (England and Wales business days)");
    static final RegulatoryClock UK_PSD_35 = new RegulatoryClock(FCA_PSD_FINAL_RESPONSE,
            LocalDate.parse("2027-01-14"), Instant.parse("2027-01-15T00:00:00Z"), false, true,
            "DISP 1.6.2AR: final response within 35 business days (holding reply, exceptional circumstances),"
                    + " after receipt on 2026-11-23 (England and Wales business days)");

    /*
     * US, received 2026-11-23 in New York (EST, UTC-5, so local midnight is 05:00Z).
     * 15 calendar days: 2026-12-08. 60 calendar days: Nov 30 is +7, Dec 31 is +38, so +60 is 2027-01-22.
     */
    static final RegulatoryClock US_RESPONSE = new RegulatoryClock(CFPB_RESPONSE,
            LocalDate.parse("2026-12-08"), Instant.parse("2026-12-09T05:00:00Z"), false, true,
            "CFPB: a response (final, or in progress) within 15 calendar days of receipt on 2026-11-23");
    static final RegulatoryClock US_FINAL = new RegulatoryClock(CFPB_FINAL_RESPONSE,
            LocalDate.parse("2027-01-22"), Instant.parse("2027-01-23T05:00:00Z"), false, true,
            "CFPB: a final response within 60 calendar days of receipt on 2026-11-23");

    /*
     * China, received Monday 2026-11-02 09:00 Shanghai (UTC+8, so local midnight is 16:00Z the day before).
     * 15 days: Tuesday 2026-11-17, a working day. 30 days: Wednesday 2026-12-02, a working day. 60 days:
     * Nov 30 is +28, Dec 31 is +59, so Friday 2027-01-01; the shipped calendar ends 2026-12-31, so only the weekend
     * is known there: the clock is provisional and its basis says so.
     */
    static final String CN_BASIS = "NFRA consumer complaint measures: decision within 15 days of receipt on 2026-11-02";
    static final RegulatoryClock CN_15 = new RegulatoryClock(NFRA_DECISION,
            LocalDate.parse("2026-11-17"), Instant.parse("2026-11-17T16:00:00Z"), false, true, CN_BASIS);
    static final RegulatoryClock CN_30 = new RegulatoryClock(NFRA_DECISION,
            LocalDate.parse("2026-12-02"), Instant.parse("2026-12-02T16:00:00Z"), false, true,
            "NFRA consumer complaint measures: decision within 30 days of receipt on 2026-11-02 (extended: complex case)");
    static final RegulatoryClock CN_60 = new RegulatoryClock(NFRA_DECISION,
            LocalDate.parse("2027-01-01"), Instant.parse("2027-01-01T16:00:00Z"), false, true, true,
            "NFRA consumer complaint measures: decision within 60 days of receipt on 2026-11-02"
                    + " (extended twice: especially complex case, approved); PROVISIONAL: the Mainland China calendar"
                    + " covers 2025-01-01 to 2026-12-31, beyond that only weekends are known; worked out again when"
                    + " the calendar is extended");
    /**
     * Stopped since Thursday 2026-11-05 14:00 Shanghai: Nov 3 and Nov 4 counted, Nov 5 is still waiting at its end.
     */
    static final RegulatoryClock CN_PAUSED_SINCE_NOV_5 = new RegulatoryClock(NFRA_DECISION, null, null, true, true,
            CN_BASIS + "; stopped since 2026-11-05 while waiting for the customer (2 of 15 days used)");

    /**
     * Running again on Monday 2026-11-09 11:00 Shanghai after waiting since Thursday Nov 5 14:00: Nov 5, 6, 7 and 8
     * end while waiting (4 days not counted); Nov 3, 4 (2) and Nov 9 to Nov 21 (13) make 15; Nov 21 is a Saturday
     * and Nov 22 a Sunday, so the period ends on Monday 2026-11-23.
     */
    static final RegulatoryClock CN_RUNNING_AGAIN_NOW = new RegulatoryClock(NFRA_DECISION,
            LocalDate.parse("2026-11-23"), Instant.parse("2026-11-23T16:00:00Z"), false, true,
            CN_BASIS + "; 4 days not counted while waiting for the customer; last day 2026-11-21 is a rest day,"
                    + " so the period ends on the next working day (Civil Code art. 203)");

    static final String CLOCKS_STOPPED = "stopped while waiting for the customer";
    static final String CLOCKS_RUNNING_AGAIN = "running again: information received";

    private ComplaintScenarios() {
    }

    static AggregateTestFixture<Complaint> newFixture() {
        AggregateTestFixture<Complaint> fixture = new AggregateTestFixture<>(Complaint.class);
        fixture.registerInjectableResource(ComplaintCalendars.shipped());
        return fixture;
    }

    // ---- histories: the given-events that bring the complaint into each state ----

    static List<Object> historyOf(Scenario scenario, ComplaintState state) {
        return switch (state) {
            case RECEIVED -> received(scenario);
            case IN_PROGRESS -> inProgress(scenario);
            case AWAITING_CUSTOMER -> awaitingCustomer(scenario);
            case RESOLUTION_PROPOSED -> resolutionProposed(scenario);
            case RESOLVED -> resolved(scenario);
            case CLOSED -> closed(scenario);
            case DISPUTED -> disputed(scenario);
            case REFERRED -> referred(scenario);
        };
    }

    static Money money(Scenario scenario, String amount) {
        return new Money(new BigDecimal(amount), scenario.currency);
    }

    static LodgeComplaint lodge(Scenario scenario) {
        return new LodgeComplaint(COMPLAINT, CUSTOMER, List.of(SESSION), Channel.WEB_CHAT, "credit-card", "rewards",
                "fees", "unexpected-fee", "Charged a fee I was told would be waived", money(scenario, "25.00"),
                scenario.jurisdiction, scenario.regime, scenario.received);
    }

    static ComplaintLodged lodged(Scenario scenario) {
        return new ComplaintLodged(COMPLAINT, CUSTOMER, List.of(SESSION), Channel.WEB_CHAT, "credit-card", "rewards",
                "fees", "unexpected-fee", "Charged a fee I was told would be waived", money(scenario, "25.00"),
                scenario.jurisdiction, scenario.regime, scenario.received);
    }

    /** Clocks as the shipped calendar of their jurisdiction gives them, naming that calendar. */
    static ComplaintClocksSet clocksSet(List<RegulatoryClock> clocks, String reason, Instant at) {
        return new ComplaintClocksSet(COMPLAINT, CUSTOMER, clocks, shippedCalendar(clocks.get(0).type().jurisdiction()),
                reason, at);
    }

    /** The shipped calendar of {@code jurisdiction}, as a complaint's clocks name it. */
    static CalendarVersion shippedCalendar(Jurisdiction jurisdiction) {
        return ComplaintCalendars.shipped().of(jurisdiction).calendarVersion();
    }

    static List<Object> received(Scenario scenario) {
        return List.of(lodged(scenario), clocksSet(scenario.lodgeClocks(), "received", scenario.received));
    }

    static List<Object> inProgress(Scenario scenario) {
        return with(received(scenario),
                new ComplaintAcknowledged(COMPLAINT, CUSTOMER, scenario.at(1)),
                new ComplaintAssigned(COMPLAINT, CUSTOMER, "handler-1", "cards", scenario.at(2)));
    }

    static List<Object> awaitingCustomer(Scenario scenario) {
        List<Object> history = with(inProgress(scenario), new ComplaintInformationRequested(COMPLAINT, CUSTOMER,
                "a copy of the statement", scenario.pausesWhileAwaitingCustomer(), scenario.requested));
        if (scenario.pausesWhileAwaitingCustomer()) {
            history.add(clocksSet(List.of(CN_PAUSED_SINCE_NOV_5), CLOCKS_STOPPED, scenario.requested));
        }
        return history;
    }

    static List<Object> resolutionProposed(Scenario scenario) {
        return with(inProgress(scenario), new ComplaintResolutionProposed(COMPLAINT, CUSTOMER,
                ComplaintOutcome.UPHELD, new Redress(money(scenario, "25.00"), null), "refund the fee", scenario.at(3)));
    }

    static List<Object> resolved(Scenario scenario) {
        return with(resolutionProposed(scenario), new ComplaintResolved(COMPLAINT, CUSTOMER,
                ComplaintOutcome.UPHELD, new Redress(money(scenario, "25.00"), null), "fee refunded", false,
                scenario.at(4)));
    }

    static List<Object> closed(Scenario scenario) {
        return with(resolved(scenario), new ComplaintResolutionAccepted(COMPLAINT, CUSTOMER, scenario.at(5)));
    }

    static List<Object> disputed(Scenario scenario) {
        return with(resolved(scenario),
                new ComplaintResolutionDisputed(COMPLAINT, CUSTOMER, "the interest was not refunded", scenario.at(5)));
    }

    static List<Object> referred(Scenario scenario) {
        return with(disputed(scenario), new ComplaintReferred(COMPLAINT, CUSTOMER, ReferralBody.OMBUDSMAN,
                "Financial Ombudsman Service", "OMB-0001", scenario.at(6)));
    }

    static ComplaintHoldingResponseSent holdingResponseSent(Instant at) {
        return new ComplaintHoldingResponseSent(COMPLAINT, CUSTOMER, "still looking into it", at);
    }

    static List<Object> with(List<Object> history, Object... more) {
        List<Object> events = new ArrayList<>(history);
        events.addAll(Arrays.asList(more));
        return events;
    }

    // ---- one canonical command per step (at the scenario's now) ----

    static Object commandFor(Scenario scenario, ComplaintStep step) {
        Instant now = scenario.now;
        return switch (step) {
            case ACKNOWLEDGE -> new AcknowledgeComplaint(COMPLAINT, null, now);
            case ASSIGN -> new AssignComplaint(COMPLAINT, null, HANDLER, TEAM, now);
            case REQUEST_INFORMATION -> new RequestInformation(COMPLAINT, null, "proof of the promised waiver", now);
            case RECEIVE_INFORMATION -> new ReceiveInformation(COMPLAINT, null, "letter of 2026-10-01", now);
            case EXTEND -> extend(EXTENSION_REASON, HANDLER, now);
            case APPROVE_EXTENSION -> approveExtension(APPROVER, now);
            case SEND_HOLDING_RESPONSE -> new SendHoldingResponse(COMPLAINT, null, "still looking into it", now);
            case PROPOSE_RESOLUTION -> new ProposeResolution(COMPLAINT, null, ComplaintOutcome.PARTIALLY_UPHELD,
                    new Redress(money(scenario, "10.00"), "apology"), "half the fee back", now);
            case RESOLVE -> resolve(false, now);
            case ACCEPT -> new AcceptResolution(COMPLAINT, null, now);
            case DISPUTE -> new DisputeResolution(COMPLAINT, null, "not enough", now);
            case REFER -> new ReferComplaint(COMPLAINT, null, ReferralBody.REGULATOR, "the regulator", "REG-42", now);
            case REOPEN -> reopen(now);
            case RECORD_APPROACHING -> new RecordDeadlineApproaching(COMPLAINT, null, scenario.finalClock(), now);
            case RECORD_BREACH -> new RecordDeadlineBreach(COMPLAINT, null, scenario.finalClock(), now);
            case RECOMPUTE_CLOCKS -> new RecomputeComplaintClocks(COMPLAINT, null, now);
        };
    }

    static ExtendComplaintDeadline extend(String reason, String requestedBy, Instant at) {
        return new ExtendComplaintDeadline(COMPLAINT, null, reason, requestedBy, at);
    }

    static ApproveDeadlineExtension approveExtension(String approvedBy, Instant at) {
        return new ApproveDeadlineExtension(COMPLAINT, null, approvedBy, at);
    }

    static ResolveComplaint resolve(boolean summaryResolution, Instant at) {
        return new ResolveComplaint(COMPLAINT, null, ComplaintOutcome.REJECTED, Redress.NONE,
                "the fee was in the terms", summaryResolution, at);
    }

    static ComplaintResolved resolvedEvent(boolean summaryResolution, Instant at) {
        return new ComplaintResolved(COMPLAINT, CUSTOMER, ComplaintOutcome.REJECTED, Redress.NONE,
                "the fee was in the terms", summaryResolution, at);
    }

    static ReopenComplaint reopen(Instant at) {
        return new ReopenComplaint(COMPLAINT, null, REOPEN_REASON, at);
    }

    static RecordDeadlineBreach recordBreach(ClockType clock, Instant at) {
        return new RecordDeadlineBreach(COMPLAINT, null, clock, at);
    }

    static RecordDeadlineApproaching recordApproaching(ClockType clock, Instant at) {
        return new RecordDeadlineApproaching(COMPLAINT, null, clock, at);
    }

    // ---- error codes ----

    /** Matches a {@link ComplaintRuleViolation} carrying exactly {@code code}. */
    static Matcher<ComplaintRuleViolation> violation(ErrorCode code) {
        return RuleViolations.violation(ComplaintRuleViolation.class, code);
    }
}

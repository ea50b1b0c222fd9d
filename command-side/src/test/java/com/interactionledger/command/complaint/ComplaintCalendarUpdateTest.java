package com.interactionledger.command.complaint;

import com.interactionledger.command.AggregateFixtureSupport;
import com.interactionledger.contracts.complaint.ComplaintClocksSet;
import com.interactionledger.contracts.complaint.ComplaintLodged;
import com.interactionledger.contracts.complaint.Jurisdiction;
import com.interactionledger.contracts.complaint.LodgeComplaint;
import com.interactionledger.contracts.complaint.RecomputeComplaintClocks;
import com.interactionledger.contracts.complaint.RegulatoryClock;
import com.interactionledger.contracts.complaint.ServiceRegime;
import com.interactionledger.contracts.dialogue.Channel;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.interactionledger.command.complaint.ComplaintScenarios.COMPLAINT;
import static com.interactionledger.command.complaint.ComplaintScenarios.CUSTOMER;
import static com.interactionledger.command.complaint.ComplaintScenarios.SESSION;
import static com.interactionledger.command.complaint.ComplaintScenarios.shippedCalendar;
import static com.interactionledger.contracts.complaint.ClockType.NFRA_DECISION;

/**
 * A business calendar that runs out, and the update that extends it. A China complaint received on Thursday
 * 2026-12-17 at 10:00 Shanghai (02:00Z) has 15 days to Friday 2027-01-01, a day the shipped calendar (which ends
 * 2026-12-31) does not know: its clock is provisional. A calendar that also knows 2027 recomputes it, once, as a new
 * event naming that calendar; one that covers no further changes nothing.
 * <p>
 * The 2027 calendar here is TEST DATA, not the State Council's 2027 notice (which the ledger does not ship): the
 * shipped days plus Friday 1 January 2027, New Year's Day, a holiday every year by the national holidays
 * regulation.
 */
class ComplaintCalendarUpdateTest extends AggregateFixtureSupport<Complaint> {

    private static final Instant RECEIVED = Instant.parse("2026-12-17T02:00:00Z");
    private static final Instant UPDATED = Instant.parse("2026-12-28T01:00:00Z");
    private static final String RULE = "NFRA consumer complaint measures: decision within 15 days of receipt on 2026-12-17";

    /** Due Friday 2027-01-01 (only the weekend known there), at its end in Shanghai. */
    private static final RegulatoryClock PROVISIONAL = new RegulatoryClock(NFRA_DECISION,
            LocalDate.parse("2027-01-01"), Instant.parse("2027-01-01T16:00:00Z"), false, true, true,
            RULE + "; PROVISIONAL: the Mainland China calendar covers 2025-01-01 to 2026-12-31, beyond that only"
                    + " weekends are known; worked out again when the calendar is extended");
    /** With 1 January a holiday and 2-3 January the weekend, the period ends on Monday 2027-01-04. */
    private static final RegulatoryClock RECOMPUTED = new RegulatoryClock(NFRA_DECISION,
            LocalDate.parse("2027-01-04"), Instant.parse("2027-01-04T16:00:00Z"), false, true, false,
            RULE + "; last day 2027-01-01 is a rest day, so the period ends on the next working day (Civil Code"
                    + " art. 203)");

    private static final BusinessCalendar CHINA_2027 = china2027();
    private static final String RECOMPUTED_REASON =
            "recomputed: the Mainland China calendar (version test-2027) now covers until 2027-12-31";

    ComplaintCalendarUpdateTest() {
        super(ComplaintScenarios::newFixture, ComplaintRuleViolation.class);
    }

    @Test
    void givenNothingWhenLodgedDaysBeforeTheCalendarEndsThenTheClockIsProvisionalAndNamesTheCalendar() {
        fixture.givenNoPriorActivity()
                .when(new LodgeComplaint(COMPLAINT, CUSTOMER, List.of(SESSION), Channel.WEB_CHAT, "credit-card",
                        "rewards", "fees", "unexpected-fee", "Charged a fee", null, Jurisdiction.CN_NFRA,
                        ServiceRegime.GENERAL, RECEIVED))
                .expectEvents(lodged(), shippedClocks());
    }

    @Test
    void givenProvisionalClocksWhenRecomputedWithACalendarCoveringTheirDaysThenNewClocksNameThatCalendar() {
        withChina2027().given(lodged(), shippedClocks())
                .when(new RecomputeComplaintClocks(COMPLAINT, null, UPDATED))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(true)
                .expectEvents(new ComplaintClocksSet(COMPLAINT, CUSTOMER, List.of(RECOMPUTED),
                        CHINA_2027.calendarVersion(), RECOMPUTED_REASON, UPDATED));
    }

    @Test
    void givenClocksRecomputedWithTheNewCalendarWhenRecomputedAgainThenNothingIsRecorded() {
        withChina2027().given(lodged(), shippedClocks(), new ComplaintClocksSet(COMPLAINT, CUSTOMER,
                        List.of(RECOMPUTED), CHINA_2027.calendarVersion(), RECOMPUTED_REASON, UPDATED))
                .when(new RecomputeComplaintClocks(COMPLAINT, null, UPDATED.plusSeconds(600)))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void givenProvisionalClocksWhenRecomputedWithTheSameCalendarThenNothingIsRecorded() {
        fixture.given(lodged(), shippedClocks())
                .when(new RecomputeComplaintClocks(COMPLAINT, null, UPDATED))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    /**
     * During an upgrade an instance with the older calendar may still run: it must not take the complaint back.
     * Here the clock is still provisional after the newer calendar (due in 2028, say), and the instance at hand has
     * only the shipped one, which covers less.
     */
    @Test
    void givenProvisionalClocksOfACalendarCoveringFurtherWhenAnInstanceWithAnOlderCalendarRecomputesThenNothingIsRecorded() {
        RegulatoryClock beyond2027 = new RegulatoryClock(NFRA_DECISION, LocalDate.parse("2028-01-04"),
                Instant.parse("2028-01-04T16:00:00Z"), false, true, true, "provisional beyond 2027");
        fixture.given(lodged(), new ComplaintClocksSet(COMPLAINT, CUSTOMER, List.of(beyond2027),
                        CHINA_2027.calendarVersion(), "extended", UPDATED))
                .when(new RecomputeComplaintClocks(COMPLAINT, null, UPDATED.plusSeconds(600)))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    /** Revision 1 named no calendar: a provisional clock of then is recomputed with whatever calendar is at hand. */
    @Test
    void givenProvisionalClocksRecordedBeforeCalendarsWereNamedWhenRecomputedThenNewClocksNameTheCalendar() {
        withChina2027().given(lodged(), new ComplaintClocksSet(COMPLAINT, CUSTOMER, List.of(PROVISIONAL), null,
                        "received", RECEIVED))
                .when(new RecomputeComplaintClocks(COMPLAINT, null, UPDATED))
                .expectEvents(new ComplaintClocksSet(COMPLAINT, CUSTOMER, List.of(RECOMPUTED),
                        CHINA_2027.calendarVersion(), RECOMPUTED_REASON, UPDATED));
    }

    @Test
    void givenClocksWithinTheCalendarWhenRecomputedWithOneCoveringFurtherThenTheyStayAsRecorded() {
        withChina2027().given(ComplaintScenarios.received(ComplaintScenarios.Scenario.CN))
                .when(new RecomputeComplaintClocks(COMPLAINT, null, UPDATED))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    private static ComplaintLodged lodged() {
        return new ComplaintLodged(COMPLAINT, CUSTOMER, List.of(SESSION), Channel.WEB_CHAT, "credit-card", "rewards",
                "fees", "unexpected-fee", "Charged a fee", null, Jurisdiction.CN_NFRA, ServiceRegime.GENERAL,
                RECEIVED);
    }

    private static ComplaintClocksSet shippedClocks() {
        return new ComplaintClocksSet(COMPLAINT, CUSTOMER, List.of(PROVISIONAL),
                shippedCalendar(Jurisdiction.CN_NFRA), "received", RECEIVED);
    }

    private static AggregateTestFixture<Complaint> withChina2027() {
        ComplaintCalendars shipped = ComplaintCalendars.shipped();
        Map<Jurisdiction, BusinessCalendar> calendars = new EnumMap<>(Jurisdiction.class);
        for (Jurisdiction jurisdiction : Jurisdiction.values()) {
            calendars.put(jurisdiction, shipped.of(jurisdiction));
        }
        calendars.put(Jurisdiction.CN_NFRA, CHINA_2027);
        AggregateTestFixture<Complaint> fixture = new AggregateTestFixture<>(Complaint.class);
        fixture.registerInjectableResource(new ComplaintCalendars(calendars));
        return fixture;
    }

    /** TEST DATA: the shipped China calendar, plus New Year's Day 2027, said to cover all of 2027. */
    static BusinessCalendar china2027() {
        BusinessCalendar shipped = ComplaintCalendars.shipped().of(Jurisdiction.CN_NFRA);
        Set<LocalDate> holidays = new HashSet<>(shipped.holidays());
        holidays.add(LocalDate.parse("2027-01-01"));
        return new BusinessCalendar(shipped.name(), "test-2027", shipped.zone(), "test data", shipped.coveredFrom(),
                LocalDate.parse("2027-12-31"), shipped.weekend(), holidays, shipped.workingDays());
    }
}

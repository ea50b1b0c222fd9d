package com.interactionledger.command.complaint;

import com.interactionledger.command.complaint.DeadlinePolicy.ComplaintFacts;
import com.interactionledger.command.complaint.DeadlinePolicy.Pause;
import com.interactionledger.contracts.complaint.ClockType;
import com.interactionledger.contracts.complaint.Jurisdiction;
import com.interactionledger.contracts.complaint.RegulatoryClock;
import com.interactionledger.contracts.complaint.ServiceRegime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

import static com.interactionledger.contracts.complaint.ClockType.CFPB_FINAL_RESPONSE;
import static com.interactionledger.contracts.complaint.ClockType.CFPB_RESPONSE;
import static com.interactionledger.contracts.complaint.ClockType.FCA_FINAL_RESPONSE;
import static com.interactionledger.contracts.complaint.ClockType.FCA_PSD_FINAL_RESPONSE;
import static com.interactionledger.contracts.complaint.ClockType.FCA_SUMMARY_RESOLUTION;
import static com.interactionledger.contracts.complaint.ClockType.NFRA_DECISION;
import static com.interactionledger.contracts.complaint.Jurisdiction.CN_NFRA;
import static com.interactionledger.contracts.complaint.Jurisdiction.UK_FCA;
import static com.interactionledger.contracts.complaint.Jurisdiction.US_CFPB;
import static com.interactionledger.contracts.complaint.ServiceRegime.GENERAL;
import static com.interactionledger.contracts.complaint.ServiceRegime.PAYMENT_SERVICES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The regulatory clocks, table-driven per jurisdiction, with every expected due date worked out by hand from the
 * shipped calendars (weekends, holidays, substitute days, China's weekend working days), pauses and extensions.
 */
class DeadlinePolicyTest {

    private static final ComplaintCalendars CALENDARS = ComplaintCalendars.shipped();
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static Stream<Arguments> dueDates() {
        return Stream.of(
                // --- UK FCA (England & Wales business days; 8 weeks in calendar days) ---
                row("FCA Monday: summary window ends Thursday", UK_FCA, GENERAL, at(LONDON, "2026-11-23T10:00"), 0, List.of(),
                        FCA_SUMMARY_RESOLUTION, "2026-11-26"),
                row("FCA Monday: final response 8 weeks later", UK_FCA, GENERAL, at(LONDON, "2026-11-23T10:00"), 0, List.of(),
                        FCA_FINAL_RESPONSE, "2027-01-18"),
                row("FCA received on a Saturday: business days start Monday", UK_FCA, GENERAL, at(LONDON, "2026-11-21T12:00"), 0, List.of(),
                        FCA_SUMMARY_RESOLUTION, "2026-11-25"),
                row("FCA over Christmas: 25th and the substitute Boxing Day 28th skipped", UK_FCA, GENERAL, at(LONDON, "2026-12-23T09:00"), 0, List.of(),
                        FCA_SUMMARY_RESOLUTION, "2026-12-30"),
                row("FCA payment services over Easter: 15 business days", UK_FCA, PAYMENT_SERVICES, at(LONDON, "2026-04-02T09:00"), 0, List.of(),
                        FCA_PSD_FINAL_RESPONSE, "2026-04-27"),
                row("FCA payment services extended after a holding reply: 35 business days", UK_FCA, PAYMENT_SERVICES, at(LONDON, "2026-04-02T09:00"), 1, List.of(),
                        FCA_PSD_FINAL_RESPONSE, "2026-05-27"),
                row("FCA clocks ignore waiting for the customer", UK_FCA, GENERAL, at(LONDON, "2026-11-23T10:00"), 0,
                        List.of(new Pause(at(LONDON, "2026-11-24T10:00"), at(LONDON, "2026-12-10T10:00"))),
                        FCA_FINAL_RESPONSE, "2027-01-18"),
                // --- US CFPB (calendar days, New York day boundaries) ---
                row("CFPB response within 15 days", US_CFPB, GENERAL, at(NEW_YORK, "2026-11-23T10:00"), 0, List.of(),
                        CFPB_RESPONSE, "2026-12-08"),
                row("CFPB final response within 60 days", US_CFPB, GENERAL, at(NEW_YORK, "2026-11-23T10:00"), 0, List.of(),
                        CFPB_FINAL_RESPONSE, "2027-01-22"),
                row("CFPB: 03:00 UTC on the 24th is still the 23rd in New York", US_CFPB, GENERAL, Instant.parse("2026-11-24T03:00:00Z"), 0, List.of(),
                        CFPB_RESPONSE, "2026-12-08"),
                // --- China NFRA (calendar days, rest-day roll-over, pauses, two extensions) ---
                row("NFRA 15 days ending on a working day", CN_NFRA, GENERAL, at(SHANGHAI, "2026-11-23T10:00"), 0, List.of(),
                        NFRA_DECISION, "2026-12-08"),
                row("NFRA last day on a Sunday moves to Monday", CN_NFRA, GENERAL, at(SHANGHAI, "2026-11-14T10:00"), 0, List.of(),
                        NFRA_DECISION, "2026-11-30"),
                row("NFRA last day in the National Day holiday moves to 8 October", CN_NFRA, GENERAL, at(SHANGHAI, "2026-09-20T10:00"), 0, List.of(),
                        NFRA_DECISION, "2026-10-08"),
                row("NFRA last day in the Spring Festival moves past it", CN_NFRA, GENERAL, at(SHANGHAI, "2026-02-01T10:00"), 0, List.of(),
                        NFRA_DECISION, "2026-02-24"),
                row("NFRA last day on a Saturday worked in exchange stays", CN_NFRA, GENERAL, at(SHANGHAI, "2026-02-13T10:00"), 0, List.of(),
                        NFRA_DECISION, "2026-02-28"),
                row("NFRA days waiting for the customer do not count", CN_NFRA, GENERAL, at(SHANGHAI, "2026-11-02T09:00"), 0,
                        List.of(new Pause(at(SHANGHAI, "2026-11-05T14:00"), at(SHANGHAI, "2026-11-09T11:00"))),
                        NFRA_DECISION, "2026-11-23"),
                row("NFRA first extension: 30 days", CN_NFRA, GENERAL, at(SHANGHAI, "2026-11-23T10:00"), 1, List.of(),
                        NFRA_DECISION, "2026-12-23"),
                row("NFRA second extension: 60 days", CN_NFRA, GENERAL, at(SHANGHAI, "2026-11-23T10:00"), 2, List.of(),
                        NFRA_DECISION, "2027-01-22"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dueDates")
    void clockIsDueAtTheEndOfTheHandComputedDay(String description, Jurisdiction jurisdiction, ServiceRegime regime,
                                                Instant received, int extensionTier, List<Pause> pauses,
                                                ClockType type, String dueDate) {
        RegulatoryClock clock = clock(new ComplaintFacts(jurisdiction, regime, received, pauses, extensionTier, false), type);
        LocalDate due = LocalDate.parse(dueDate);
        assertThat(clock.dueDate()).isEqualTo(due);
        assertThat(clock.dueAt()).as("end of the due day in the jurisdiction's zone")
                .isEqualTo(due.plusDays(1).atStartOfDay(CALENDARS.of(jurisdiction).zone()).toInstant());
        assertThat(clock.paused()).isFalse();
        assertThat(clock.basis()).isNotBlank();
    }

    @Test
    void eachJurisdictionHasItsOwnSetOfClocks() {
        Instant received = Instant.parse("2026-11-23T10:00:00Z");
        assertThat(types(UK_FCA, GENERAL, received)).containsExactly(FCA_SUMMARY_RESOLUTION, FCA_FINAL_RESPONSE);
        assertThat(types(UK_FCA, PAYMENT_SERVICES, received)).containsExactly(FCA_SUMMARY_RESOLUTION, FCA_PSD_FINAL_RESPONSE);
        assertThat(types(US_CFPB, GENERAL, received)).containsExactly(CFPB_RESPONSE, CFPB_FINAL_RESPONSE);
        assertThat(types(CN_NFRA, GENERAL, received)).containsExactly(NFRA_DECISION);
        RegulatoryClock summary = clock(facts(UK_FCA, GENERAL, received), FCA_SUMMARY_RESOLUTION);
        assertThat(summary.breachable()).as("the summary window is an opportunity, not an obligation").isFalse();
    }

    @Test
    void aClockStoppedWhileWaitingForTheCustomerHasNoDueDateUntilItRunsAgain() {
        ComplaintFacts waiting = new ComplaintFacts(CN_NFRA, GENERAL, at(SHANGHAI, "2026-11-02T09:00"),
                List.of(new Pause(at(SHANGHAI, "2026-11-05T14:00"), null)), 0, false);
        RegulatoryClock clock = clock(waiting, NFRA_DECISION);
        assertThat(clock.paused()).isTrue();
        assertThat(clock.dueDate()).isNull();
        assertThat(clock.dueAt()).isNull();
        assertThat(clock.basis()).contains("stopped since 2026-11-05").contains("2 of 15 days used");
    }

    @Test
    void theBasisExplainsRollOversPausesAndMissingCalendarYears() {
        assertThat(clock(facts(CN_NFRA, GENERAL, at(SHANGHAI, "2026-09-20T10:00")), NFRA_DECISION).basis())
                .contains("last day 2026-10-05 is a rest day").contains("Civil Code art. 203");
        assertThat(clock(new ComplaintFacts(CN_NFRA, GENERAL, at(SHANGHAI, "2026-11-02T09:00"),
                List.of(new Pause(at(SHANGHAI, "2026-11-05T14:00"), at(SHANGHAI, "2026-11-09T11:00"))), 0, false),
                NFRA_DECISION).basis()).contains("4 days not counted while waiting for the customer");
        // The China calendar shipped covers 2025-2026: a due date in 2027 says it only knew the weekends.
        assertThat(clock(new ComplaintFacts(CN_NFRA, GENERAL, at(SHANGHAI, "2026-11-23T10:00"), List.of(), 2, false),
                NFRA_DECISION).basis()).contains("PROVISIONAL").contains("covers 2025-01-01 to 2026-12-31")
                .contains("only weekends are known");
        assertThat(clock(facts(UK_FCA, PAYMENT_SERVICES, at(LONDON, "2027-12-20T10:00")), FCA_PSD_FINAL_RESPONSE).basis())
                .contains("PROVISIONAL");
        assertThat(clock(facts(UK_FCA, PAYMENT_SERVICES, at(LONDON, "2026-04-02T09:00")), FCA_PSD_FINAL_RESPONSE).basis())
                .doesNotContain("PROVISIONAL").contains("England and Wales business days");
    }

    /**
     * Beyond the calendar's coverage a clock still gets a date, counting only weekends as rest days there, and is
     * marked provisional; a clock that needs no day beyond coverage, or no calendar at all (calendar days or weeks),
     * is not. The shipped China calendar ends Thursday 2026-12-31, England and Wales ends Friday 2027-12-31.
     */
    static Stream<Arguments> coverage() {
        return Stream.of(
                // 15 days from Tuesday 2026-12-15: Wednesday 2026-12-30, inside the calendar.
                Arguments.of("NFRA due inside the calendar", CN_NFRA, GENERAL, at(SHANGHAI, "2026-12-15T10:00"),
                        NFRA_DECISION, "2026-12-30", false),
                // 15 days from Wednesday 2026-12-16: Thursday 2026-12-31, the calendar's last day, a working day.
                Arguments.of("NFRA due on the calendar's last day", CN_NFRA, GENERAL, at(SHANGHAI, "2026-12-16T10:00"),
                        NFRA_DECISION, "2026-12-31", false),
                // 15 days from Thursday 2026-12-17: Friday 2027-01-01. New Year's Day is not in the calendar (the
                // 2027 notice is not in it), so only its being a Friday is known: due that day, provisionally.
                Arguments.of("NFRA due on an unknown Friday", CN_NFRA, GENERAL, at(SHANGHAI, "2026-12-17T10:00"),
                        NFRA_DECISION, "2027-01-01", true),
                // 15 days from Sunday 2026-12-20: Monday 2027-01-04; even a Monday may be a holiday in a notice.
                Arguments.of("NFRA due on an unknown Monday", CN_NFRA, GENERAL, at(SHANGHAI, "2026-12-20T10:00"),
                        NFRA_DECISION, "2027-01-04", true),
                // 15 days from Tuesday 2026-12-22: Wednesday 2027-01-06.
                Arguments.of("NFRA due past the calendar", CN_NFRA, GENERAL, at(SHANGHAI, "2026-12-22T10:00"),
                        NFRA_DECISION, "2027-01-06", true),
                // Monday 2027-12-20, 15 business days: Dec 21-24 (4), 27 and 28 are the substitute bank holidays,
                // Dec 29-31 (7), then 2028, where only weekends are known: Jan 3-7 (12), Jan 10-12 (15). (Monday
                // 3 January 2028 will most likely be the substitute New Year's Day: the date is provisional.)
                Arguments.of("FCA payment services into the next year", UK_FCA, PAYMENT_SERVICES,
                        at(LONDON, "2027-12-20T10:00"), FCA_PSD_FINAL_RESPONSE, "2028-01-12", true),
                // The summary window of the same complaint ends Thursday 2027-12-23, inside the calendar.
                Arguments.of("FCA summary window inside the calendar", UK_FCA, PAYMENT_SERVICES,
                        at(LONDON, "2027-12-20T10:00"), FCA_SUMMARY_RESOLUTION, "2027-12-23", false),
                // 8 weeks are calendar weeks: 2028-02-14, no holiday involved.
                Arguments.of("FCA 8 weeks need no calendar", UK_FCA, GENERAL, at(LONDON, "2027-12-20T10:00"),
                        FCA_FINAL_RESPONSE, "2028-02-14", false),
                // Calendar days: 60 days from 2027-12-20 is 2028-02-18.
                Arguments.of("CFPB calendar days need no calendar", US_CFPB, GENERAL, at(NEW_YORK, "2027-12-20T10:00"),
                        CFPB_FINAL_RESPONSE, "2028-02-18", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("coverage")
    void aClockThatNeedsDaysBeyondTheCalendarIsProvisionalAndCountsOnlyWeekendsThere(
            String description, Jurisdiction jurisdiction, ServiceRegime regime, Instant received, ClockType type,
            String dueDate, boolean provisional) {
        RegulatoryClock clock = clock(facts(jurisdiction, regime, received), type);

        assertThat(clock.dueDate()).isEqualTo(LocalDate.parse(dueDate));
        assertThat(clock.provisional()).isEqualTo(provisional);
        assertThat(clock.basis().contains("PROVISIONAL")).as(clock.basis()).isEqualTo(provisional);
    }

    @Test
    void extensionsAndPausesFollowEachJurisdiction() {
        assertThat(DeadlinePolicy.maxExtensionTier(CN_NFRA, GENERAL)).isEqualTo(2);
        assertThat(DeadlinePolicy.maxExtensionTier(UK_FCA, PAYMENT_SERVICES)).isEqualTo(1);
        assertThat(DeadlinePolicy.maxExtensionTier(UK_FCA, GENERAL)).isZero();
        assertThat(DeadlinePolicy.maxExtensionTier(US_CFPB, GENERAL)).isZero();
        assertThat(DeadlinePolicy.pausesWhileAwaitingCustomer(CN_NFRA)).isTrue();
        assertThat(DeadlinePolicy.pausesWhileAwaitingCustomer(UK_FCA)).isFalse();
        assertThat(DeadlinePolicy.pausesWhileAwaitingCustomer(US_CFPB)).isFalse();
    }

    private static Arguments row(String description, Jurisdiction jurisdiction, ServiceRegime regime, Instant received,
                                 int extensionTier, List<Pause> pauses, ClockType type, String dueDate) {
        return Arguments.of(description, jurisdiction, regime, received, extensionTier, pauses, type, dueDate);
    }

    private static ComplaintFacts facts(Jurisdiction jurisdiction, ServiceRegime regime, Instant received) {
        return new ComplaintFacts(jurisdiction, regime, received, List.of(), 0, false);
    }

    private static List<ClockType> types(Jurisdiction jurisdiction, ServiceRegime regime, Instant received) {
        return DeadlinePolicy.clocks(facts(jurisdiction, regime, received), CALENDARS).stream()
                .map(RegulatoryClock::type).toList();
    }

    private static RegulatoryClock clock(ComplaintFacts facts, ClockType type) {
        return DeadlinePolicy.clocks(facts, CALENDARS).stream().filter(clock -> clock.type() == type).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " clock for " + facts));
    }

    private static Instant at(ZoneId zone, String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }
}

package com.interactionledger.command.complaint;

import com.interactionledger.command.AggregateFixtureSupport;
import com.interactionledger.command.complaint.ComplaintScenarios.Scenario;
import com.interactionledger.contracts.complaint.ComplaintLodged;
import com.interactionledger.contracts.complaint.Jurisdiction;
import com.interactionledger.contracts.complaint.LodgeComplaint;
import com.interactionledger.contracts.complaint.RegulatoryClock;
import com.interactionledger.contracts.complaint.ServiceRegime;
import com.interactionledger.contracts.dialogue.Channel;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static com.interactionledger.command.complaint.ComplaintScenarios.*;
import static com.interactionledger.contracts.complaint.ClockType.FCA_FINAL_RESPONSE;
import static com.interactionledger.contracts.complaint.ClockType.FCA_SUMMARY_RESOLUTION;

/**
 * Lodging a complaint records it and, right after, the clocks it runs against, computed from the receipt. The
 * expected clocks are written out by hand in {@link ComplaintScenarios}.
 */
class ComplaintLodgeTest extends AggregateFixtureSupport<Complaint> {

    ComplaintLodgeTest() {
        super(ComplaintScenarios::newFixture, ComplaintRuleViolation.class);
    }

    static Stream<Arguments> jurisdictions() {
        return Stream.of(
                Arguments.of(Named.of("UK FCA general, Monday 2026-11-23: summary window Thu 26 Nov,"
                        + " final response Mon 18 Jan 2027", Scenario.UK)),
                Arguments.of(Named.of("UK FCA payment services, Monday 2026-11-23: summary window Thu 26 Nov,"
                        + " final response after 15 business days on Mon 14 Dec", Scenario.UK_PAYMENTS)),
                Arguments.of(Named.of("UK FCA e-money: the payment services clocks", Scenario.UK_E_MONEY)),
                Arguments.of(Named.of("US CFPB, 2026-11-23 New York: response Tue 8 Dec, final response"
                        + " Fri 22 Jan 2027", Scenario.US)),
                Arguments.of(Named.of("China NFRA, Monday 2026-11-02 09:00 Shanghai: decision Tue 17 Nov",
                        Scenario.CN)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jurisdictions")
    void givenNoComplaintWhenLodgedThenLodgedAndTheClocksOfItsJurisdictionSet(Scenario scenario) {
        fixture.givenNoPriorActivity()
                .when(lodge(scenario))
                .expectSuccessfulHandlerExecution()
                .expectEvents(lodged(scenario), clocksSet(scenario.lodgeClocks(), "received", scenario.received));
    }

    @Test
    void givenNoComplaintWhenLodgedWithoutSessionsThenLodgedWithAnEmptySessionList() {
        Scenario uk = Scenario.UK;
        fixture.givenNoPriorActivity()
                .when(new LodgeComplaint(COMPLAINT, CUSTOMER, null, Channel.PHONE, "current-account", null,
                        "service", null, "Rude branch staff", null, Jurisdiction.UK_FCA, ServiceRegime.GENERAL,
                        uk.received))
                .expectEvents(new ComplaintLodged(COMPLAINT, CUSTOMER, List.of(), Channel.PHONE, "current-account",
                                null, "service", null, "Rude branch staff", null, Jurisdiction.UK_FCA,
                                ServiceRegime.GENERAL, uk.received),
                        clocksSet(uk.lodgeClocks(), "received", uk.received));
    }

    @Test
    void givenNoComplaintWhenLodgedOnASaturdayInLondonThenBusinessDaysStartOnMonday() {
        // Saturday 2026-11-21 12:00 London: Mon 23, Tue 24, Wed 25 are the three business days; 8 weeks after the
        // 21st is Saturday 2027-01-16 (calendar weeks, not business days).
        Instant saturday = Instant.parse("2026-11-21T12:00:00Z");
        LodgeComplaint command = new LodgeComplaint(COMPLAINT, CUSTOMER, List.of(SESSION), Channel.WEB_CHAT,
                "credit-card", "rewards", "fees", "unexpected-fee", "Charged a fee I was told would be waived",
                money(Scenario.UK, "25.00"), Jurisdiction.UK_FCA, ServiceRegime.GENERAL, saturday);
        fixture.givenNoPriorActivity()
                .when(command)
                .expectEvents(new ComplaintLodged(COMPLAINT, CUSTOMER, List.of(SESSION), Channel.WEB_CHAT,
                                "credit-card", "rewards", "fees", "unexpected-fee",
                                "Charged a fee I was told would be waived", money(Scenario.UK, "25.00"),
                                Jurisdiction.UK_FCA, ServiceRegime.GENERAL, saturday),
                        clocksSet(List.of(
                                new RegulatoryClock(FCA_SUMMARY_RESOLUTION, LocalDate.parse("2026-11-25"),
                                        Instant.parse("2026-11-26T00:00:00Z"), false, false,
                                        "DISP 1.5: summary resolution possible until the close of the 3rd business"
                                                + " day after receipt, after receipt on 2026-11-21 (England and Wales"
                                                + " business days)"),
                                new RegulatoryClock(FCA_FINAL_RESPONSE, LocalDate.parse("2027-01-16"),
                                        Instant.parse("2027-01-17T00:00:00Z"), false, true,
                                        "DISP 1.6.2R: final response within 8 weeks of receipt on 2026-11-21")),
                                "received", saturday));
    }
}

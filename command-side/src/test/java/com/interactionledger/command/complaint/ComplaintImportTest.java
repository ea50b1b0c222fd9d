package com.interactionledger.command.complaint;

import com.interactionledger.command.AggregateFixtureSupport;
import com.interactionledger.command.complaint.ComplaintScenarios.Scenario;
import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.contracts.complaint.AcceptResolution;
import com.interactionledger.contracts.complaint.ComplaintId;
import com.interactionledger.contracts.complaint.ComplaintResolutionDisputed;
import com.interactionledger.contracts.complaint.ComplaintSourceRecorded;
import com.interactionledger.contracts.complaint.DisputeResolution;
import com.interactionledger.contracts.complaint.ImportComplaint;
import com.interactionledger.contracts.complaint.ResolveComplaint;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static com.interactionledger.command.complaint.ComplaintScenarios.COMPLAINT;
import static com.interactionledger.command.complaint.ComplaintScenarios.CUSTOMER;
import static com.interactionledger.command.complaint.ComplaintScenarios.clocksSet;
import static com.interactionledger.command.complaint.ComplaintScenarios.lodge;
import static com.interactionledger.command.complaint.ComplaintScenarios.lodged;
import static com.interactionledger.command.complaint.ComplaintScenarios.resolve;
import static com.interactionledger.command.complaint.ComplaintScenarios.resolvedEvent;

/**
 * A complaint brought from another register is lodged, described as its source says, and taken through the rest of
 * its history by the complaint's own handlers, each step at its original time — or refused whole.
 */
class ComplaintImportTest extends AggregateFixtureSupport<Complaint> {

    private static final Scenario US = Scenario.US;
    private static final Instant RESPONDED = US.at(24 * 3);
    private static final Instant DISPUTED = US.at(24 * 10);

    ComplaintImportTest() {
        super(ComplaintImportTest::fixture, ComplaintRuleViolation.class);
    }

    private static AggregateTestFixture<Complaint> fixture() {
        AggregateTestFixture<Complaint> fixture = ComplaintScenarios.newFixture();
        fixture.registerAnnotatedCommandHandler(new ComplaintImport(fixture.getRepository(),
                ComplaintCalendars.shipped()));
        return fixture;
    }

    @Test
    void givenNoComplaintWhenImportedThenLodgedItsSourceRecordedAndItsLaterStepsDecidedAtTheirOriginalTimes() {
        fixture.givenNoPriorActivity()
                .when(new ImportComplaint(lodge(US), source(COMPLAINT, US.received),
                        List.of(resolve(false, RESPONDED), dispute(DISPUTED))))
                .expectSuccessfulHandlerExecution()
                .expectEvents(lodged(US), clocksSet(US.lodgeClocks(), "received", US.received),
                        source(COMPLAINT, US.received), resolvedEvent(false, RESPONDED),
                        new ComplaintResolutionDisputed(COMPLAINT, CUSTOMER, "disputed at the source", DISPUTED));
    }

    @Test
    void givenNoComplaintWhenAnImportedHistoryBreaksTheRulesThenNothingOfItIsRecorded() {
        // a resolution cannot be accepted before there is one
        expectRefused(fixture.givenNoPriorActivity().when(new ImportComplaint(lodge(US), source(COMPLAINT,
                US.received), List.of(new AcceptResolution(COMPLAINT, null, RESPONDED)))),
                ErrorCode.ILLEGAL_TRANSITION);
    }

    @Test
    void givenNoComplaintWhenTheImportedPartsNameAnotherComplaintOrTimeThenRefused() {
        expectRefused(fixture.givenNoPriorActivity().when(new ImportComplaint(lodge(US),
                source(new ComplaintId("cmp-other"), US.received), List.of())), ErrorCode.VALIDATION_FAILED);
        expectRefused(fixture.givenNoPriorActivity().when(new ImportComplaint(lodge(US), source(COMPLAINT,
                US.received), List.of(new ResolveComplaint(new ComplaintId("cmp-other"), null,
                resolve(false, RESPONDED).outcome(), null, "x", false, RESPONDED)))), ErrorCode.VALIDATION_FAILED);
        expectRefused(fixture.givenNoPriorActivity().when(new ImportComplaint(lodge(US),
                source(COMPLAINT, RESPONDED), List.of())), ErrorCode.VALIDATION_FAILED);
    }

    private static ComplaintSourceRecorded source(ComplaintId complaint, Instant at) {
        return new ComplaintSourceRecorded(complaint, new CustomerId(CUSTOMER.value()), "CFPB", "3571115", "Bank of Somewhere", "Web",
                LocalDate.parse("2026-11-24"), "Closed with explanation", null, true, true, null, "Consent provided",
                "NY", "100XX", at);
    }

    private static DisputeResolution dispute(Instant at) {
        return new DisputeResolution(COMPLAINT, null, "disputed at the source", at);
    }
}

package com.interactionledger.command.privacy;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.contracts.privacy.ApplyRetention;
import com.interactionledger.contracts.privacy.ApproveErasure;
import com.interactionledger.contracts.privacy.CustomerErased;
import com.interactionledger.contracts.privacy.CustomerErasureRequested;
import com.interactionledger.contracts.privacy.CustomerRestricted;
import com.interactionledger.contracts.privacy.CustomerRestrictionLifted;
import com.interactionledger.contracts.privacy.EraseCustomer;
import com.interactionledger.contracts.privacy.LegalHoldPlaced;
import com.interactionledger.contracts.privacy.LegalHoldReleased;
import com.interactionledger.contracts.privacy.LiftRestriction;
import com.interactionledger.contracts.privacy.PlaceLegalHold;
import com.interactionledger.contracts.privacy.PrivacyCommand;
import com.interactionledger.contracts.privacy.ReleaseLegalHold;
import com.interactionledger.contracts.privacy.RestrictCustomer;
import com.interactionledger.contracts.privacy.RetentionPeriodExpired;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.interactionledger.ledger.append.RuleViolations.violation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** The rules of a customer's privacy record, given its decisions so far. */
class CustomerPrivacyTest {

    private static final CustomerId CUSTOMER = new CustomerId("cust-0001");
    private static final String RECORD = PrivacyCommand.recordIdOf(CUSTOMER);
    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    private static final String BASIS = "GDPR Art. 17(1)(a)";

    private AggregateTestFixture<CustomerPrivacy> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(CustomerPrivacy.class);
    }

    private static final String RULE = "sessions P5Y after 2019-03-04T10:00:00Z";
    private static final Instant DUE = Instant.parse("2024-03-04T10:00:00Z");

    @Test
    void theRetentionRulesEraseOnTheirOwnNamingTheRule() {
        fixture.given(new CustomerErasureRequested(CUSTOMER, BASIS, "admin-1", AT))
                .when(new ApplyRetention(CUSTOMER, RULE, DUE, "retention-job", AT))
                .expectEvents(new RetentionPeriodExpired(CUSTOMER, RULE, DUE, "retention-job", AT),
                        new CustomerErased(CUSTOMER, CustomerPrivacy.RETENTION_BASIS + RULE, "retention-job", AT));
    }

    @Test
    void aLegalHoldStopsTheRetentionRulesAndAnErasedCustomerIsNotErasedAgain() {
        fixture.given(new LegalHoldPlaced(CUSTOMER, "case-9", "admin-1", AT))
                .when(new ApplyRetention(CUSTOMER, RULE, DUE, "retention-job", AT))
                .expectNoEvents()
                .expectException(violation(ErrorCode.LEGAL_HOLD));
        fixture.given(new CustomerErased(CUSTOMER, BASIS, "admin-2", AT))
                .when(new ApplyRetention(CUSTOMER, RULE, DUE, "retention-job", AT))
                .expectNoEvents()
                .expectException(violation(ErrorCode.CUSTOMER_ERASED));
    }

    @Test
    void anErasureAskedForByOneAdministratorWaitsForAnother() {
        fixture.givenNoPriorActivity()
                .when(new EraseCustomer(CUSTOMER, BASIS, "admin-1", AT))
                .expectEvents(new CustomerErasureRequested(CUSTOMER, BASIS, "admin-1", AT));
    }

    @Test
    void anotherAdministratorsApprovalErasesWithTheBasisAskedFor() {
        fixture.given(new CustomerErasureRequested(CUSTOMER, BASIS, "admin-1", AT))
                .when(new ApproveErasure(CUSTOMER, "admin-2", AT))
                .expectEvents(new CustomerErased(CUSTOMER, BASIS, "admin-2", AT));
    }

    @Test
    void nobodyApprovesTheirOwnErasureRequest() {
        fixture.given(new CustomerErasureRequested(CUSTOMER, BASIS, "admin-1", AT))
                .when(new ApproveErasure(CUSTOMER, "admin-1", AT))
                .expectNoEvents()
                .expectExceptionMessage(containsString("erasure takes two people"))
                .expectException(violation(ErrorCode.PRIVACY_TRANSITION));
    }

    @Test
    void anApprovalWithNothingAskedForIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new ApproveErasure(CUSTOMER, "admin-2", AT))
                .expectNoEvents()
                .expectException(violation(ErrorCode.PRIVACY_TRANSITION));
    }

    @Test
    void anErasureAlreadyAskedForIsNotAskedForAgain() {
        fixture.given(new CustomerErasureRequested(CUSTOMER, BASIS, "admin-1", AT))
                .when(new EraseCustomer(CUSTOMER, BASIS, "admin-2", AT))
                .expectNoEvents()
                .expectException(violation(ErrorCode.PRIVACY_TRANSITION));
    }

    @Test
    void aHoldPlacedAfterTheRequestStopsTheApproval() {
        fixture.given(new CustomerErasureRequested(CUSTOMER, BASIS, "admin-1", AT),
                        new LegalHoldPlaced(CUSTOMER, "case-20", "admin-3", AT))
                .when(new ApproveErasure(CUSTOMER, "admin-2", AT))
                .expectNoEvents()
                .expectException(violation(ErrorCode.LEGAL_HOLD));
    }

    @Test
    void aStandingLegalHoldRefusesErasureNamingTheHold() {
        fixture.given(new LegalHoldPlaced(CUSTOMER, "case-17", "admin-1", AT))
                .when(new EraseCustomer(CUSTOMER, BASIS, "admin-1", AT))
                .expectNoEvents()
                .expectExceptionMessage(containsString("case-17"))
                .expectException(violation(ErrorCode.LEGAL_HOLD));
    }

    @Test
    void erasureIsPossibleOnceEveryHoldIsReleased() {
        fixture.given(new LegalHoldPlaced(CUSTOMER, "case-17", "admin-1", AT),
                        new LegalHoldPlaced(CUSTOMER, "case-18", "admin-1", AT),
                        new LegalHoldReleased(CUSTOMER, "case-17", "admin-1", AT),
                        new LegalHoldReleased(CUSTOMER, "case-18", "admin-1", AT))
                .when(new EraseCustomer(CUSTOMER, BASIS, "admin-2", AT))
                .expectEvents(new CustomerErasureRequested(CUSTOMER, BASIS, "admin-2", AT));
    }

    @Test
    void nothingMoreIsDecidedAboutAnErasedCustomer() {
        for (PrivacyCommand command : new PrivacyCommand[] {new EraseCustomer(CUSTOMER, BASIS, "admin-1", AT),
                new ApproveErasure(CUSTOMER, "admin-2", AT),
                new RestrictCustomer(CUSTOMER, "GDPR Art. 18", "admin-1", AT),
                new PlaceLegalHold(CUSTOMER, "case-19", "admin-1", AT)}) {
            fixture.given(new CustomerErased(CUSTOMER, BASIS, "admin-1", AT))
                    .when(command)
                    .expectNoEvents()
                    .expectException(violation(ErrorCode.CUSTOMER_ERASED));
        }
    }

    @Test
    void restrictionIsPlacedAndLiftedOnceEach() {
        fixture.givenNoPriorActivity()
                .when(new RestrictCustomer(CUSTOMER, "GDPR Art. 18(1)(d)", "admin-1", AT))
                .expectEvents(new CustomerRestricted(CUSTOMER, "GDPR Art. 18(1)(d)", "admin-1", AT));
        fixture.given(new CustomerRestricted(CUSTOMER, "GDPR Art. 18(1)(d)", "admin-1", AT))
                .when(new RestrictCustomer(CUSTOMER, "again", "admin-1", AT))
                .expectException(violation(ErrorCode.PRIVACY_TRANSITION));
        fixture.given(new CustomerRestricted(CUSTOMER, "GDPR Art. 18(1)(d)", "admin-1", AT))
                .when(new LiftRestriction(CUSTOMER, "objection resolved", "admin-1", AT))
                .expectEvents(new CustomerRestrictionLifted(CUSTOMER, "objection resolved", "admin-1", AT));
        fixture.givenNoPriorActivity()
                .when(new LiftRestriction(CUSTOMER, "nothing to lift", "admin-1", AT))
                .expectException(violation(ErrorCode.PRIVACY_TRANSITION));
    }

    @Test
    void releasingAHoldThatDoesNotStandIsRefused() {
        fixture.given(new LegalHoldPlaced(CUSTOMER, "case-17", "admin-1", AT))
                .when(new ReleaseLegalHold(CUSTOMER, "case-99", "admin-1", AT))
                .expectNoEvents()
                .expectException(violation(ErrorCode.PRIVACY_TRANSITION));
    }

    @Test
    void everyCommandTargetsTheCustomersPrivacyRecord() {
        assertThat(new EraseCustomer(CUSTOMER, BASIS, "admin-1", AT).targetId()).isEqualTo(RECORD)
                .isEqualTo("privacy-cust-0001");
    }
}

package com.interactionledger.command.dialogue;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.contracts.dialogue.SessionId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The previous session's side of a continuation. A command touching two aggregates is beyond the
 * AggregateTestFixture, so the policy the previous session applies is tested directly.
 */
class ContinuationPolicyTest {

    private static final SessionId PREVIOUS = new SessionId("ses-1");
    private static final SessionId NEXT = new SessionId("ses-2");
    private static final SessionId EARLIER_CONTINUATION = new SessionId("ses-0");
    private static final CustomerId CUSTOMER = new CustomerId("cust-1");
    private static final CustomerId OTHER_CUSTOMER = new CustomerId("cust-2");

    @Test
    void givenSameCustomerAnotherChannelNotYetContinuedWhenCheckedThenContinuationAllowed() {
        assertDoesNotThrow(() -> ContinuationPolicy.check(PREVIOUS, CUSTOMER, Channel.WEB_CHAT, null,
                NEXT, CUSTOMER, Channel.PHONE));
    }

    @Test
    void givenTheSameSessionIdWhenCheckedThenContinuationRefused() {
        assertRefused(() -> ContinuationPolicy.check(PREVIOUS, CUSTOMER, Channel.WEB_CHAT, null,
                PREVIOUS, CUSTOMER, Channel.PHONE));
    }

    @Test
    void givenAnotherCustomerWhenCheckedThenContinuationRefused() {
        assertRefused(() -> ContinuationPolicy.check(PREVIOUS, CUSTOMER, Channel.WEB_CHAT, null,
                NEXT, OTHER_CUSTOMER, Channel.PHONE));
    }

    @Test
    void givenTheSameChannelWhenCheckedThenContinuationRefused() {
        assertRefused(() -> ContinuationPolicy.check(PREVIOUS, CUSTOMER, Channel.WEB_CHAT, null,
                NEXT, CUSTOMER, Channel.WEB_CHAT));
    }

    @Test
    void givenAlreadyContinuedSessionWhenCheckedThenContinuationRefused() {
        assertRefused(() -> ContinuationPolicy.check(PREVIOUS, CUSTOMER, Channel.WEB_CHAT, EARLIER_CONTINUATION,
                NEXT, CUSTOMER, Channel.PHONE));
    }

    private static void assertRefused(Executable check) {
        DialogueRuleViolation violation = assertThrows(DialogueRuleViolation.class, check);
        assertEquals(ErrorCode.CONTINUATION_REFUSED, violation.code());
    }
}

package com.interactionledger.command.dialogue;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.contracts.dialogue.SessionId;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

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
        assertDoesNotThrow(continuing(null, NEXT, CUSTOMER, Channel.PHONE));
    }

    static Stream<Arguments> refusedContinuations() {
        return Stream.of(
                refused("givenTheSameSessionIdWhenCheckedThenContinuationRefused",
                        continuing(null, PREVIOUS, CUSTOMER, Channel.PHONE)),
                refused("givenAnotherCustomerWhenCheckedThenContinuationRefused",
                        continuing(null, NEXT, OTHER_CUSTOMER, Channel.PHONE)),
                refused("givenTheSameChannelWhenCheckedThenContinuationRefused",
                        continuing(null, NEXT, CUSTOMER, Channel.WEB_CHAT)),
                refused("givenAlreadyContinuedSessionWhenCheckedThenContinuationRefused",
                        continuing(EARLIER_CONTINUATION, NEXT, CUSTOMER, Channel.PHONE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedContinuations")
    void givenAContinuationBreakingARuleWhenCheckedThenContinuationRefused(Executable check) {
        DialogueRuleViolation violation = assertThrows(DialogueRuleViolation.class, check);
        assertEquals(ErrorCode.CONTINUATION_REFUSED, violation.code());
    }

    private static Arguments refused(String name, Executable check) {
        return Arguments.of(Named.of(name, check));
    }

    /**
     * The check of the previous session (of {@link #CUSTOMER} on WEB_CHAT, already continued to
     * {@code continuedTo} or not) when {@code next} of {@code customer} on {@code channel} continues it.
     */
    private static Executable continuing(SessionId continuedTo, SessionId next, CustomerId customer, Channel channel) {
        return () -> ContinuationPolicy.check(PREVIOUS, CUSTOMER, Channel.WEB_CHAT, continuedTo, next, customer,
                channel);
    }
}

package com.interactionledger.command.dialogue;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.contracts.dialogue.SessionContinuedElsewhere;
import com.interactionledger.contracts.dialogue.SessionId;
import com.interactionledger.contracts.dialogue.SessionState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What {@link SessionState#after} does with {@link SessionContinuedElsewhere}: open sessions end, ended ones stay. */
class SessionStateContinuationTest {

    private static final SessionContinuedElsewhere CONTINUED = new SessionContinuedElsewhere(
            new SessionId("ses-1"), new CustomerId("cust-1"), new SessionId("ses-2"), Channel.PHONE,
            "Card retained by ATM; customer calls in", Instant.parse("2026-03-02T10:00:00Z"));

    @ParameterizedTest(name = "given{0}_whenContinuedElsewhere_thenContinuedElsewhere")
    @EnumSource(value = SessionState.class, names = {"BOT_HANDLING", "QUEUED", "WITH_AGENT", "ON_HOLD"})
    void givenOpenSessionWhenContinuedElsewhereThenContinuedElsewhere(SessionState open) {
        assertEquals(SessionState.CONTINUED_ELSEWHERE, open.after(CONTINUED));
    }

    @ParameterizedTest(name = "given{0}_whenContinuedElsewhere_thenKeepsItsOutcome")
    @EnumSource(value = SessionState.class, names = {"RESOLVED", "CLOSED", "ABANDONED"})
    void givenEndedSessionWhenContinuedElsewhereThenKeepsItsOutcome(SessionState ended) {
        assertEquals(ended, ended.after(CONTINUED));
    }
}

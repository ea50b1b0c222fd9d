package com.interactionledger.projections.analytics;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.dialogue.AgentAssigned;
import com.interactionledger.contracts.dialogue.AgentId;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.contracts.dialogue.SessionId;
import com.interactionledger.contracts.dialogue.SessionStarted;
import com.interactionledger.projections.support.VersionedRows;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Durations in the precision of the rows they are kept in: the edge's clock stamps nanoseconds, a row keeps
 * microseconds (rounded), and a queue time must not depend on whether the start was read back from the row.
 */
class SessionFactsTest {

    private static final SessionId SESSION = new SessionId("facts-1");
    private static final CustomerId CUSTOMER = new CustomerId("facts-customer");
    /** Nanoseconds the rows cannot keep: stored as .123457, rounded up. */
    private static final Instant QUEUED = Instant.parse("2026-05-04T10:00:00.123456789Z");
    private static final Instant ASSIGNED = Instant.parse("2026-05-04T10:01:10.123456789Z");

    @Test
    void givenASessionQueuedAtNanosecondsWhenAnAgentTakesIt70SecondsLaterThenTheQueueTimeIs70Seconds() {
        SessionFacts inMemory = SessionFacts.start(started(), 0);
        inMemory.apply(new AgentAssigned(SESSION, CUSTOMER, new AgentId("a1"), "cards", ASSIGNED));
        assertThat(inMemory.queueMillis).isEqualTo(70_000);
    }

    @Test
    void givenTheStartReadBackFromItsRowWhenAnAgentTakesItThenTheSameQueueTime() {
        SessionFacts readBack = SessionFacts.start(started(), 0);
        readBack.queueEnteredAt = Instant.parse("2026-05-04T10:00:00.123457Z"); // as the row gives it back
        readBack.apply(new AgentAssigned(SESSION, CUSTOMER, new AgentId("a1"), "cards", ASSIGNED));
        assertThat(readBack.queueMillis).as("not 69,999: both ends at the row's precision").isEqualTo(70_000);
    }

    @Test
    void givenAnInstantWhenStoredThenRoundedHalfUpToTheMicrosecondAcrossASecond() {
        assertThat(VersionedRows.stored(Instant.parse("2026-05-04T10:00:00.123456499Z")))
                .isEqualTo(Instant.parse("2026-05-04T10:00:00.123456Z"));
        assertThat(VersionedRows.stored(Instant.parse("2026-05-04T10:00:00.999999500Z")))
                .isEqualTo(Instant.parse("2026-05-04T10:00:01Z"));
    }

    private static SessionStarted started() {
        return new SessionStarted(SESSION, CUSTOMER, Channel.PHONE, null, "ivr", "en", "cards", null, null, null,
                QUEUED);
    }
}

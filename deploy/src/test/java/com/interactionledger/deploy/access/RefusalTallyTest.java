package com.interactionledger.deploy.access;

import com.interactionledger.contracts.audit.RequestsRefused;
import com.interactionledger.contracts.common.ErrorCode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RefusalTallyTest {

    private static final Instant T = Instant.parse("2026-12-08T09:30:00Z");
    private static final String TIMELINE = "GET /customers/{customerId}/timeline";

    private final RefusalTally tally = new RefusalTally(3);

    @Test
    void countsPerCallerEndpointCodeAndMinuteAndGivesOnlyClosedMinutes() {
        tally.count(T.plusSeconds(5), null, null, TIMELINE, ErrorCode.UNAUTHENTICATED, "A bearer token is required");
        tally.count(T.plusSeconds(50), null, null, TIMELINE, ErrorCode.UNAUTHENTICATED, "The bearer token was refused");
        tally.count(T.plusSeconds(20), "ana", null, TIMELINE, ErrorCode.FORBIDDEN, "This needs one of the roles");
        tally.count(T.plusSeconds(61), null, null, TIMELINE, ErrorCode.UNAUTHENTICATED, "A bearer token is required");

        Instant recorded = T.plusSeconds(70);
        assertThat(tally.take(T.plusSeconds(59), false, recorded)).as("no minute closed yet").isEmpty();
        List<RequestsRefused> closed = tally.take(T.plusSeconds(70), false, recorded);
        assertThat(closed).containsExactly(
                new RequestsRefused(null, null, TIMELINE, ErrorCode.UNAUTHENTICATED, "A bearer token is required", T,
                        2, T.plusSeconds(5), T.plusSeconds(50), recorded),
                new RequestsRefused("ana", null, TIMELINE, ErrorCode.FORBIDDEN, "This needs one of the roles", T, 1,
                        T.plusSeconds(20), T.plusSeconds(20), recorded));
        assertThat(tally.take(T.plusSeconds(70), false, recorded)).as("taken once").isEmpty();
        assertThat(tally.take(T.plusSeconds(70), true, recorded)).as("at shutdown, the open minute too")
                .extracting(RequestsRefused::minute, RequestsRefused::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(T.plusSeconds(60), 1L));
    }

    @Test
    void aFloodOfDistinctCallersIsCountedTogetherOnceTheTallyIsFull() {
        for (int caller = 0; caller < 10; caller++) {
            tally.count(T.plusSeconds(caller), "caller-" + caller, "AGENT", TIMELINE, ErrorCode.FORBIDDEN, "no");
        }
        List<RequestsRefused> taken = tally.take(T.plusSeconds(60), false, T.plusSeconds(60));
        assertThat(taken).extracting(RequestsRefused::actorId).containsExactly("caller-0", "caller-1", "caller-2", null);
        RequestsRefused overflow = taken.get(3);
        assertThat(overflow.endpoint()).isEqualTo(RefusalTally.OVERFLOW);
        assertThat(overflow.count()).isEqualTo(7);
        assertThat(overflow.firstAt()).isEqualTo(T.plusSeconds(3));
        assertThat(overflow.lastAt()).isEqualTo(T.plusSeconds(9));
    }

    @Test
    void countsThatCouldNotBeRecordedAreMergedWithTheNextOnes() {
        tally.count(T.plusSeconds(1), "ana", null, TIMELINE, ErrorCode.FORBIDDEN, "first");
        List<RequestsRefused> failed = tally.take(T.plusSeconds(60), true, T.plusSeconds(60));
        tally.count(T.plusSeconds(2), "ana", null, TIMELINE, ErrorCode.FORBIDDEN, "second");
        tally.putBack(failed);

        assertThat(tally.take(T.plusSeconds(60), false, T.plusSeconds(61))).singleElement().satisfies(merged -> {
            assertThat(merged.count()).isEqualTo(2);
            assertThat(merged.firstAt()).isEqualTo(T.plusSeconds(1));
            assertThat(merged.lastAt()).isEqualTo(T.plusSeconds(2));
        });
    }
}

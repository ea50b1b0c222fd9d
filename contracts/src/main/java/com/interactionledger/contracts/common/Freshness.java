package com.interactionledger.contracts.common;

import java.time.Instant;

/**
 * How fresh a read model's answer is: every event up to {@code position} has been applied to it (the event at
 * that position was recorded at {@code positionRecordedAt}); the store's head is {@code headPosition}, so the read
 * model is {@code lagEvents} events and {@code lagSeconds} seconds of recorded time behind it.
 *
 * @param readModel the read model that answered (its processing group)
 */
public record Freshness(
        String readModel,
        long position,
        Instant positionRecordedAt,
        long headPosition,
        Instant headRecordedAt,
        long lagEvents,
        double lagSeconds
) {
}

package com.interactionledger.contracts.timeline;

import com.interactionledger.contracts.common.CustomerId;

import java.time.Instant;

/**
 * One page of a customer's sessions across all channels, each with its full dialogue.
 *
 * @param from       only sessions started at or after this instant (null: no lower bound)
 * @param to         only sessions started before this instant (null: no upper bound)
 * @param newestFirst order of sessions; within a session entries are always in the order they were recorded
 * @param after      the last session of the previous page (from its cursor), or null for the first page
 * @param limit      page size, 1..{@value #MAX_LIMIT}
 */
public record FindCustomerTimeline(
        CustomerId customerId,
        Instant from,
        Instant to,
        boolean newestFirst,
        TimelineCursor after,
        int limit
) {

    public static final int MAX_LIMIT = 100;
}

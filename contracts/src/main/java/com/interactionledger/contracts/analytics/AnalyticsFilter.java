package com.interactionledger.contracts.analytics;

import com.interactionledger.contracts.dialogue.Channel;

import java.time.Instant;

/**
 * Which sessions a satisfaction or service-efficiency question is about; every field is optional (null: any). The
 * dimensions mean what they mean when grouping by them (docs/ANALYTICS.md).
 *
 * @param startedFrom sessions started at or after this instant
 * @param startedTo   sessions started before this instant
 * @param agent       the agent who handled the session last (the one who resolved it, or the last assigned)
 * @param queue       the first queue the session entered
 * @param intent      the first intent recorded in the session
 * @param product     the product the session is about (the last identified in it)
 * @param continued   true: sessions continuing a session on another channel; false: single-channel ones
 */
public record AnalyticsFilter(
        Instant startedFrom,
        Instant startedTo,
        Channel channel,
        String agent,
        String queue,
        String intent,
        String product,
        JourneySegment segment,
        Boolean continued
) {

    public static final AnalyticsFilter ALL = new AnalyticsFilter(null, null, null, null, null, null, null, null, null);
}

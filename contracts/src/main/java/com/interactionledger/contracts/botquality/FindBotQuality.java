package com.interactionledger.contracts.botquality;

import com.interactionledger.contracts.dialogue.Channel;

import java.time.Instant;

/**
 * The bot-quality figures of the answers given in {@code [answeredFrom, answeredTo)} (either may be null), optionally
 * only on one channel, for one intent or one model version, grouped by {@code by}.
 */
public record FindBotQuality(Instant answeredFrom, Instant answeredTo, Channel channel, String intent,
                             String modelVersion, BotQualityDimension by) {
}

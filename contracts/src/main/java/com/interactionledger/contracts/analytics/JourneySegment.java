package com.interactionledger.contracts.analytics;

/** Who served a session: the bot alone, the bot then a human, or humans only (started in a queue). */
public enum JourneySegment {
    BOT_ONLY,
    BOT_TO_HUMAN,
    HUMAN_ONLY
}

package com.interactionledger.contracts.botquality;

/** What the bot-quality figures are grouped by (docs/BOT-ANSWERS.md). */
public enum BotQualityDimension {
    /** The customer's intent last recorded in the session before the answer ("none" when there was none). */
    INTENT,
    /** Each article an answer quoted (an answer quoting two counts under both; "none" for answers quoting none). */
    ARTICLE,
    /** The model's name and version ("eva-llm 2026.01"). */
    MODEL,
    /** The session's channel. */
    CHANNEL,
    /** The month (UTC) in which the answer was given: valid time, as every figure of the ledger. */
    PERIOD
}

package com.interactionledger.contracts.botquality;

/** The figures of the answers sharing one value of the report's dimension. */
public record BotQualityGroup(String key, OutcomeFigures figures) {
}

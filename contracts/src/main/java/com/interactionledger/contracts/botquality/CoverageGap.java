package com.interactionledger.contracts.botquality;

/** An intent the bot answered without ever quoting an article: the knowledge base does not cover it. */
public record CoverageGap(String intent, long answers) {
}

package com.interactionledger.contracts.botquality;

/**
 * Answers that quoted an article's version after it had stopped being in force: a later version was in force
 * ({@code superseded}) or the article was withdrawn ({@code withdrawn}) at the time of the answer. The delays are
 * from the moment the quoted version stopped being in force to the answer, in hours: how long the bot went on
 * quoting it.
 */
public record StaleQuotes(String articleId, long superseded, long withdrawn, double medianDelayHours,
                          double maxDelayHours) {
}

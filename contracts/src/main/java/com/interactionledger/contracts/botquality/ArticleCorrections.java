package com.interactionledger.contracts.botquality;

/** An article and how often the answers quoting it were corrected (of the decided ones). */
public record ArticleCorrections(String articleId, long answers, long decided, long corrected, Double correctedRate) {
}

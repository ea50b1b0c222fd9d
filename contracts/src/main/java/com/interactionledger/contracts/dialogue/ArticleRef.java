package com.interactionledger.contracts.dialogue;

import com.interactionledger.contracts.knowledge.ArticleId;

/**
 * A knowledge-base article an answer relied on, as a reference: the ledger stores which version was used, never the
 * article itself (the knowledge-base system holds it; its versions are on the ledger as knowledge events).
 *
 * @param retrievalScore the retriever's score for this article (0-1), or null when the bot gives none
 */
public record ArticleRef(ArticleId articleId, int version, String title, Double retrievalScore) {
}

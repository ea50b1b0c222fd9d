package com.interactionledger.contracts.knowledge;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The first version of an article: from {@code effectiveFrom} on, a bot may quote it.
 *
 * @param version  the knowledge-base system's version number of the article, higher than any before
 * @param product  the product or service the article is about (cards, mortgages...), for the analysts' figures
 * @param language the article's language (a BCP 47 tag)
 */
@Revision("1")
public record KnowledgeArticlePublished(
        ArticleId articleId,
        int version,
        String title,
        String product,
        String language,
        Instant effectiveFrom,
        Instant occurredAt
) implements KnowledgeArticleVersion {
}

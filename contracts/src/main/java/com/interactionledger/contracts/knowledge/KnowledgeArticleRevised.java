package com.interactionledger.contracts.knowledge;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A new version of an article replaces the one before from {@code effectiveFrom} on: an answer quoting an older
 * version at or after that instant quoted a superseded one.
 *
 * @param version  the knowledge-base system's version number of the article, higher than any before
 * @param product  the product or service the article is about (cards, mortgages...), for the analysts' figures
 * @param language the article's language (a BCP 47 tag)
 */
@Revision("1")
public record KnowledgeArticleRevised(
        ArticleId articleId,
        int version,
        String title,
        String product,
        String language,
        Instant effectiveFrom,
        Instant occurredAt
) implements KnowledgeArticleVersion {
}

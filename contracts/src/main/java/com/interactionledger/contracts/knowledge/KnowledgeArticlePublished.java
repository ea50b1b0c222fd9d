package com.interactionledger.contracts.knowledge;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The first version of an article: from its {@code effectiveFrom} on, a bot may quote it. */
@Revision("1")
public record KnowledgeArticlePublished(ArticleId articleId, ArticleVersion version, Instant occurredAt)
        implements KnowledgeArticleVersion {
}

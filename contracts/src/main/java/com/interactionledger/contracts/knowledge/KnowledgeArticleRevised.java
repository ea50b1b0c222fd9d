package com.interactionledger.contracts.knowledge;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A new version of an article replaces the one before from its {@code effectiveFrom} on: an answer quoting an older
 * version at or after that instant quoted a superseded one.
 */
@Revision("1")
public record KnowledgeArticleRevised(ArticleId articleId, ArticleVersion version, Instant occurredAt)
        implements KnowledgeArticleVersion {
}

package com.interactionledger.contracts.knowledge;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Records an article's first version; {@code effectiveFrom} defaults to {@code occurredAt} at the edge. */
public record PublishKnowledgeArticle(
        @TargetAggregateIdentifier ArticleId articleId,
        int version,
        String title,
        String product,
        String language,
        Instant effectiveFrom,
        Instant occurredAt
) implements KnowledgeCommand {
}

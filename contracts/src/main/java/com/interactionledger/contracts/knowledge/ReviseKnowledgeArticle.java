package com.interactionledger.contracts.knowledge;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/** Records a new version of an article; {@code effectiveFrom} defaults to {@code occurredAt} at the edge. */
public record ReviseKnowledgeArticle(
        @TargetAggregateIdentifier ArticleId articleId,
        @TargetAggregateVersion Long expectedVersion,
        int version,
        String title,
        String product,
        String language,
        Instant effectiveFrom,
        Instant occurredAt
) implements KnowledgeCommand {
}

package com.interactionledger.contracts.knowledge;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/** Records a new version of an article. */
public record ReviseKnowledgeArticle(@TargetAggregateIdentifier ArticleId articleId,
                                     @TargetAggregateVersion Long expectedVersion, ArticleVersion version,
                                     Instant occurredAt) implements KnowledgeCommand {
}

package com.interactionledger.contracts.knowledge;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Records an article's first version. */
public record PublishKnowledgeArticle(@TargetAggregateIdentifier ArticleId articleId, ArticleVersion version,
                                      Instant occurredAt) implements KnowledgeCommand {
}

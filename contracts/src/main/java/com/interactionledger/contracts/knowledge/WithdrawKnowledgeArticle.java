package com.interactionledger.contracts.knowledge;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/** Withdraws an article; {@code effectiveFrom} defaults to {@code occurredAt} at the edge. */
public record WithdrawKnowledgeArticle(
        @TargetAggregateIdentifier ArticleId articleId,
        @TargetAggregateVersion Long expectedVersion,
        String reason,
        Instant effectiveFrom,
        Instant occurredAt
) implements KnowledgeCommand {
}

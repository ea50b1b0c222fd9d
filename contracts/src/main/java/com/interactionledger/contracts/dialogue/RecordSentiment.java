package com.interactionledger.contracts.dialogue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/**
 * Records a sentiment score in [-1, 1]; {@code messageId} may be null for a session-level score.
 *
 * @param expectedVersion optimistic concurrency: the session version the caller last saw (its ETag), or null
 *                        to apply to whatever the current version is
 */
public record RecordSentiment(
        @TargetAggregateIdentifier SessionId sessionId,
        @TargetAggregateVersion Long expectedVersion,
        MessageId messageId,
        double score,
        ModelRef model,
        Instant occurredAt
) implements DialogueCommand {
}

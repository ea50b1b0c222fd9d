package com.interactionledger.contracts.dialogue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/**
 * Records a classifier's intent label; {@code messageId} may be null for a session-level label.
 *
 * @param expectedVersion optimistic concurrency: the session version the caller last saw (its ETag), or null
 *                        to apply to whatever the current version is
 */
public record RecordIntent(
        @TargetAggregateIdentifier SessionId sessionId,
        @TargetAggregateVersion Long expectedVersion,
        MessageId messageId,
        String label,
        double confidence,
        ModelRef classifier,
        Instant occurredAt
) implements DialogueCommand {
}

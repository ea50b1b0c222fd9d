package com.interactionledger.contracts.dialogue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/**
 * Hands a bot-handled session to a human queue with a context summary.
 *
 * @param expectedVersion optimistic concurrency: the session version the caller last saw (its ETag), or null
 *                        to apply to whatever the current version is
 */
public record RequestHandoff(
        @TargetAggregateIdentifier SessionId sessionId,
        @TargetAggregateVersion Long expectedVersion,
        String queue,
        String reason,
        String contextSummary,
        Instant occurredAt
) implements DialogueCommand {
}

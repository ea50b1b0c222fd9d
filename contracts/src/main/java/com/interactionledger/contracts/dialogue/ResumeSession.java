package com.interactionledger.contracts.dialogue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/**
 * The assigned agent resumes a session from hold.
 *
 * @param expectedVersion optimistic concurrency: the session version the caller last saw (its ETag), or null
 *                        to apply to whatever the current version is
 */
public record ResumeSession(
        @TargetAggregateIdentifier SessionId sessionId,
        @TargetAggregateVersion Long expectedVersion,
        Instant occurredAt
) implements DialogueCommand {
}

package com.interactionledger.contracts.dialogue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/**
 * Moves a session to another agent ({@code toAgentId}) or queue ({@code toQueue}); exactly one is set.
 *
 * @param expectedVersion optimistic concurrency: the session version the caller last saw (its ETag), or null
 *                        to apply to whatever the current version is
 */
public record TransferSession(
        @TargetAggregateIdentifier SessionId sessionId,
        @TargetAggregateVersion Long expectedVersion,
        AgentId toAgentId,
        String toQueue,
        TransferMode mode,
        String reason,
        String note,
        Instant occurredAt
) implements DialogueCommand {

    public TransferSession {
        if ((toAgentId == null) == (toQueue == null)) {
            throw new IllegalArgumentException("a transfer names exactly one target: an agent or a queue");
        }
    }
}

package com.interactionledger.contracts.dialogue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/**
 * Records the one survey response a closed session may have.
 *
 * @param expectedVersion optimistic concurrency: the session version the caller last saw (its ETag), or null
 *                        to apply to whatever the current version is
 */
public record RecordSurveyResponse(
        @TargetAggregateIdentifier SessionId sessionId,
        @TargetAggregateVersion Long expectedVersion,
        Integer csat,
        Integer nps,
        String comment,
        Instant occurredAt
) implements DialogueCommand {
}

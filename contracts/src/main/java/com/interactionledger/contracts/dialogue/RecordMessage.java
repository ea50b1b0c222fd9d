package com.interactionledger.contracts.dialogue;

import com.interactionledger.contracts.common.ParticipantRole;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;
import java.util.List;

/**
 * Records one message of the dialogue.
 *
 * @param expectedVersion optimistic concurrency: the session version the caller last saw (its ETag), or null
 *                        to apply to whatever the current version is
 */
public record RecordMessage(
        @TargetAggregateIdentifier SessionId sessionId,
        @TargetAggregateVersion Long expectedVersion,
        MessageId messageId,
        ParticipantRole authorRole,
        String authorId,
        String text,
        String language,
        List<AttachmentRef> attachments,
        Instant occurredAt
) implements DialogueCommand {
}

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
 * @param authorId        the author the request named, if any: checked against the caller, never trusted
 * @param caller          who sent it, from the verified token and the service's configuration
 * @param basis           what a bot's answer was based on (only a BOT message has one), or null
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
        Instant occurredAt,
        Caller caller,
        AnswerBasis basis
) implements DialogueCommand {

    /** A message without an answer's basis: what every author but a bot sends. */
    public RecordMessage(SessionId sessionId, Long expectedVersion, MessageId messageId, ParticipantRole authorRole,
                         String authorId, String text, String language, List<AttachmentRef> attachments,
                         Instant occurredAt, Caller caller) {
        this(sessionId, expectedVersion, messageId, authorRole, authorId, text, language, attachments, occurredAt,
                caller, null);
    }
}

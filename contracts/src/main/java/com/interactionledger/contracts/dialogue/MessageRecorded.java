package com.interactionledger.contracts.dialogue;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.common.ParticipantRole;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A customer, bot, agent, supervisor or the system wrote or said something in the session.
 */
@Revision("1")
public record MessageRecorded(
        SessionId sessionId,
        CustomerId customerId,
        MessageId messageId,
        ParticipantRole authorRole,
        String authorId,
        String text,
        String language,
        List<AttachmentRef> attachments,
        Instant occurredAt
) implements DialogueEvent {
}

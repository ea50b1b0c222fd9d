package com.interactionledger.contracts.dialogue;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.common.ParticipantRole;
import com.interactionledger.contracts.privacy.PersonalData;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A customer, bot, agent, supervisor or the system wrote or said something in the session.
 * <p>
 * Revision 2 split the language tag: {@code language} is the tag without its region ({@code zh}, {@code zh-Hant})
 * and {@code region} the region subtag ({@code CN}, {@code TW}) or null (see {@link LanguageTag}). Revision 1 stored
 * the whole tag in {@code language}; {@code MessageRecordedUpcaster} reads those events into this shape.
 */
@Revision("2")
public record MessageRecorded(
        SessionId sessionId,
        CustomerId customerId,
        MessageId messageId,
        ParticipantRole authorRole,
        String authorId,
        @PersonalData String text,
        String language,
        String region,
        @PersonalData List<AttachmentRef> attachments,
        Instant occurredAt
) implements DialogueEvent {
}

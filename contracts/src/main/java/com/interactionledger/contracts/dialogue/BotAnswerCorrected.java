package com.interactionledger.contracts.dialogue;

import com.interactionledger.contracts.common.CustomerId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A bot's answer was contradicted or replaced by a person later in the same journey: the answer's outcome is
 * corrected, whatever else followed it.
 *
 * @param answerId            the bot's message, in this session
 * @param correctedBy         the actor who marked it, from the verified token
 * @param inSessionId         where the correction was made: this session or the one that continued it
 * @param correctionMessageId the message that replaced the answer, or null
 * @param reason              a code saying how the answer was wrong
 */
@Revision("1")
public record BotAnswerCorrected(
        SessionId sessionId,
        CustomerId customerId,
        MessageId answerId,
        String correctedBy,
        SessionId inSessionId,
        MessageId correctionMessageId,
        String reason,
        Instant occurredAt
) implements DialogueEvent {
}

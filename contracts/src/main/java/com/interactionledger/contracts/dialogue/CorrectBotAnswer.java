package com.interactionledger.contracts.dialogue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/**
 * An agent (or their tooling) marks a bot's answer as contradicted or replaced. Sent to the answer's session, also
 * when the correction happened in the session that continued it on another channel.
 *
 * @param inSessionId         where the correction was made: the answer's session or the one that continued it;
 *                            null for the answer's own session
 * @param correctionMessageId the message that replaces the answer, if one was recorded (in {@code inSessionId})
 * @param reason              a code saying how the answer was wrong (wrong_article, outdated, misunderstood...)
 * @param caller              who marks it, from the verified token
 */
public record CorrectBotAnswer(
        @TargetAggregateIdentifier SessionId sessionId,
        @TargetAggregateVersion Long expectedVersion,
        MessageId answerId,
        SessionId inSessionId,
        MessageId correctionMessageId,
        String reason,
        Instant occurredAt,
        Caller caller
) implements DialogueCommand {
}

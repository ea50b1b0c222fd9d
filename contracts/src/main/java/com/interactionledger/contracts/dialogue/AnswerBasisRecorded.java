package com.interactionledger.contracts.dialogue;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.privacy.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The basis of a bot's answer, recorded with the answer ({@link MessageRecorded} of the same message, in the same
 * command and transaction) so a regulator can see, for any answer a bot gave, what it relied on. Its quoted
 * utterance is sealed under the customer's key; the rest is in clear (models, versions and article references are
 * the bank's, not the customer's). It names the session's channel, so the figures need nothing else of the session
 * to place the answer.
 */
@Revision("1")
public record AnswerBasisRecorded(
        SessionId sessionId,
        CustomerId customerId,
        MessageId messageId,
        Channel channel,
        @PersonalData AnswerBasis basis,
        Instant occurredAt
) implements DialogueEvent {
}

package com.interactionledger.contracts.dialogue;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.privacy.PersonalData;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The customer carried this conversation on in a new session on another channel.
 */
@Revision("1")
public record SessionContinuedElsewhere(
        SessionId sessionId,
        CustomerId customerId,
        SessionId nextSessionId,
        Channel nextChannel,
        @PersonalData String contextSummary,
        Instant occurredAt
) implements DialogueEvent {
}

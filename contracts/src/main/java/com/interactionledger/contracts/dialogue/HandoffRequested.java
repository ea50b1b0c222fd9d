package com.interactionledger.contracts.dialogue;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.privacy.PersonalData;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The bot handed the session to a human queue, with everything the agent needs so the customer is never asked
 * twice: the summary written at handoff plus the last intent, the last sentiment and how many messages were
 * exchanged.
 */
@Revision("1")
public record HandoffRequested(
        SessionId sessionId,
        CustomerId customerId,
        String queue,
        @PersonalData String reason,
        @PersonalData String contextSummary,
        String lastIntent,
        Double lastSentimentScore,
        int messageCount,
        Instant occurredAt
) implements DialogueEvent {
}

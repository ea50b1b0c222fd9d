package com.interactionledger.contracts.dialogue;

import com.interactionledger.contracts.common.CustomerId;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A model scored the customer's sentiment from -1 (very negative) to 1 (very positive).
 */
@Revision("1")
public record SentimentRecorded(
        SessionId sessionId,
        CustomerId customerId,
        MessageId messageId,
        double score,
        ModelRef model,
        Instant occurredAt
) implements DialogueEvent {
}

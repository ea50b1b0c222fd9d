package com.interactionledger.contracts.dialogue;

import com.interactionledger.contracts.common.CustomerId;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A classifier labelled the customer's intent, for the whole session or for one message.
 */
@Revision("1")
public record IntentRecorded(
        SessionId sessionId,
        CustomerId customerId,
        MessageId messageId,
        String label,
        double confidence,
        ModelRef classifier,
        Instant occurredAt
) implements DialogueEvent {
}

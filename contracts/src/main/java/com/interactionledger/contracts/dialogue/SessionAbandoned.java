package com.interactionledger.contracts.dialogue;

import com.interactionledger.contracts.common.CustomerId;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The session ended without resolution: the customer left or timed out.
 */
@Revision("1")
public record SessionAbandoned(
        SessionId sessionId,
        CustomerId customerId,
        AbandonReason reason,
        Instant occurredAt
) implements DialogueEvent {
}

package com.interactionledger.contracts.dialogue;

import com.interactionledger.contracts.common.CustomerId;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A resolved session was closed; surveys may follow.
 */
@Revision("1")
public record SessionClosed(
        SessionId sessionId,
        CustomerId customerId,
        Instant occurredAt
) implements DialogueEvent {
}

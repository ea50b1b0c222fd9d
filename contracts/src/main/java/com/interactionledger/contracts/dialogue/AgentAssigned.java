package com.interactionledger.contracts.dialogue;

import com.interactionledger.contracts.common.CustomerId;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * An agent picked the session up from its queue.
 */
@Revision("1")
public record AgentAssigned(
        SessionId sessionId,
        CustomerId customerId,
        AgentId agentId,
        String queue,
        Instant occurredAt
) implements DialogueEvent {
}

package com.interactionledger.contracts.dialogue;

import com.interactionledger.contracts.common.CustomerId;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The agent came back from hold.
 */
@Revision("1")
public record SessionResumed(
        SessionId sessionId,
        CustomerId customerId,
        AgentId agentId,
        Instant occurredAt
) implements DialogueEvent {
}

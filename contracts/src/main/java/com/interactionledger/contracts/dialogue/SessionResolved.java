package com.interactionledger.contracts.dialogue;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.common.ParticipantRole;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The customer's need was met, by the bot (contained) or by an agent.
 */
@Revision("1")
public record SessionResolved(
        SessionId sessionId,
        CustomerId customerId,
        String resolutionCode,
        boolean firstContactResolution,
        ParticipantRole resolvedByRole,
        AgentId resolvedByAgentId,
        Instant occurredAt
) implements DialogueEvent {
}

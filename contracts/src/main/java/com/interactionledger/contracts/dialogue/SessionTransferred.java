package com.interactionledger.contracts.dialogue;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.privacy.PersonalData;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The session moved from one agent to another agent, or back to a queue.
 */
@Revision("1")
public record SessionTransferred(
        SessionId sessionId,
        CustomerId customerId,
        AgentId fromAgentId,
        AgentId toAgentId,
        String toQueue,
        TransferMode mode,
        @PersonalData String reason,
        @PersonalData String note,
        Instant occurredAt
) implements DialogueEvent {
}

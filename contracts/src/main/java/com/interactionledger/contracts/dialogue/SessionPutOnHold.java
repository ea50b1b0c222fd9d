package com.interactionledger.contracts.dialogue;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.privacy.PersonalData;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The agent put the customer on hold.
 */
@Revision("1")
public record SessionPutOnHold(
        SessionId sessionId,
        CustomerId customerId,
        AgentId agentId,
        @PersonalData String reason,
        Instant occurredAt
) implements DialogueEvent {
}

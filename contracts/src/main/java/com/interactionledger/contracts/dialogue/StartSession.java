package com.interactionledger.contracts.dialogue;

import com.interactionledger.contracts.common.CustomerId;

import java.time.Instant;

/**
 * Opens a session. With a continuation, the same unit of work also records on the previous session that the
 * conversation moved on.
 */
public record StartSession(
        SessionId sessionId,
        CustomerId customerId,
        Channel channel,
        SocialNetwork socialNetwork,
        String entryPoint,
        String language,
        String queue,
        Continuation continuation,
        Instant occurredAt
) implements DialogueCommand {
}

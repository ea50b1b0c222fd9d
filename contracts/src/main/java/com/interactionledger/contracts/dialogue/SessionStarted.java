package com.interactionledger.contracts.dialogue;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.privacy.PersonalData;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A customer began an interaction on a channel. When it continues an earlier session of the same customer on
 * another channel, the link and the context handed over travel with it.
 *
 * @param queue Set when the session starts waiting for a human (no bot); null means a bot handles it first.
 */
@Revision("1")
public record SessionStarted(
        SessionId sessionId,
        CustomerId customerId,
        Channel channel,
        SocialNetwork socialNetwork,
        String entryPoint,
        String language,
        String queue,
        SessionId continuedFrom,
        Channel continuedFromChannel,
        @PersonalData String contextSummary,
        Instant occurredAt
) implements DialogueEvent {
}

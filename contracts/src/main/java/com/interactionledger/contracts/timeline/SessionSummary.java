package com.interactionledger.contracts.timeline;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.dialogue.AgentId;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.contracts.dialogue.SessionId;
import com.interactionledger.contracts.dialogue.SessionState;
import com.interactionledger.contracts.dialogue.SocialNetwork;

import java.time.Instant;

/**
 * A session as a customer's timeline lists it: its channel, where it stands and how it ended, without its dialogue
 * (an agent opens the session for that: {@link SessionView}). A timeline page's cost so stays the size of a page of
 * sessions, however long their dialogues grew.
 *
 * @param version the sequence number of the session's last event: send it as {@code If-Match} to make the next
 *                command fail with 409 if somebody else changed the session meanwhile
 */
public record SessionSummary(
        SessionId sessionId,
        CustomerId customerId,
        Channel channel,
        SocialNetwork socialNetwork,
        String entryPoint,
        String language,
        SessionState state,
        Instant startedAt,
        Instant endedAt,
        String queue,
        AgentId agentId,
        SessionId continuedFrom,
        SessionId continuedTo,
        String handoffContext,
        String lastIntent,
        Double lastSentimentScore,
        String resolutionCode,
        Boolean firstContactResolution,
        Integer csat,
        Integer nps,
        int messageCount,
        long version
) {
}

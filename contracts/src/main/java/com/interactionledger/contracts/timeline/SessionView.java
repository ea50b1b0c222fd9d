package com.interactionledger.contracts.timeline;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.dialogue.AgentId;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.contracts.dialogue.SessionId;
import com.interactionledger.contracts.dialogue.SessionState;
import com.interactionledger.contracts.dialogue.SocialNetwork;

import java.time.Instant;
import java.util.List;

/**
 * A session as an agent sees it: where it stands, how it got there, and every entry of its dialogue.
 *
 * @param version the sequence number of the session's last event: send it as {@code If-Match} to make the next
 *                command fail with 409 if somebody else changed the session meanwhile
 */
public record SessionView(
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
        long version,
        List<TimelineEntryView> entries
) {
}

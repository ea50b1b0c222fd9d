package com.interactionledger.contracts.journey;

import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.contracts.dialogue.SessionId;
import com.interactionledger.contracts.dialogue.SessionState;

import java.time.Instant;

/**
 * One session of a journey, in the order the customer went through them.
 *
 * @param contextCarried what the previous session handed on at the switch to this one (its continuation summary);
 *                       null for the first session
 */
public record JourneyStep(
        SessionId sessionId,
        Channel channel,
        SessionState state,
        Instant startedAt,
        Instant endedAt,
        String contextCarried,
        String resolutionCode,
        Integer csat
) {
}

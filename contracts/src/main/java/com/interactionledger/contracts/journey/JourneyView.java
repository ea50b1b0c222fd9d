package com.interactionledger.contracts.journey;

import com.interactionledger.contracts.complaint.ComplaintId;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.contracts.dialogue.SessionId;

import java.time.Instant;
import java.util.List;

/**
 * A customer's journey: sessions linked by continuation, from the first contact on one channel to wherever it was
 * picked up, and the complaints raised from any of them.
 *
 * @param journeyId            the id of its first session
 * @param channels             the channel of each session, in order (a channel may come back)
 * @param firstContactAt       when its first session started
 * @param resolvedAt           when it was resolved (the resolving session's end), or null
 * @param secondsToResolution  from first contact to resolution, across channels; null unless resolved
 * @param csat                 the journey's satisfaction: the last survey given in any of its sessions, or null
 */
public record JourneyView(
        SessionId journeyId,
        Channel entryChannel,
        List<Channel> channels,
        List<JourneyStep> sessions,
        List<ComplaintId> complaints,
        Instant firstContactAt,
        Instant resolvedAt,
        Double secondsToResolution,
        JourneyOutcome outcome,
        Integer csat
) {
}

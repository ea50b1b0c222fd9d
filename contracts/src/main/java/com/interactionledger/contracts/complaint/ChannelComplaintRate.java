package com.interactionledger.contracts.complaint;

import com.interactionledger.contracts.dialogue.Channel;

/** Complaints lodged on a channel per 1,000 sessions on that channel (null when there were no sessions). */
public record ChannelComplaintRate(Channel channel, long sessions, long complaints, Double perThousandSessions) {
}

package com.interactionledger.contracts.timeline;

import com.interactionledger.contracts.dialogue.SessionId;

/** One session with its whole dialogue, for an agent picking a conversation up. */
public record FindSession(SessionId sessionId) {
}

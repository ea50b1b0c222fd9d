package com.interactionledger.contracts.timeline;

import com.interactionledger.contracts.dialogue.SessionId;

import java.time.Instant;

/**
 * Keyset position in a timeline: the start time and id of the last session returned. Paging by key rather than
 * offset keeps pages stable while new sessions are being recorded.
 */
public record TimelineCursor(Instant startedAt, SessionId sessionId) {
}

package com.interactionledger.contracts.timeline;

import com.interactionledger.contracts.dialogue.SessionId;

/**
 * One session with a page of its dialogue, for an agent picking a conversation up. A session's dialogue grows
 * without bound (a chat left open for months), so one answer carries at most {@value #MAX_LIMIT} entries.
 *
 * @param afterSequence the last entry of the previous page (its sequence number), or null for the first page
 * @param limit         entries per page, 1..{@value #MAX_LIMIT}
 */
public record FindSession(SessionId sessionId, Long afterSequence, int limit) {

    public static final int MAX_LIMIT = 200;
}

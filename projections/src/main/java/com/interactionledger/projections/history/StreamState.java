package com.interactionledger.projections.history;

import java.time.Instant;

/**
 * Where a session or complaint stood at the history's instant, folded from its events alone with the one
 * definition of each state machine ({@code SessionState.after}, {@code ComplaintState.after}).
 *
 * @param id           session or complaint id
 * @param state        its state then
 * @param events       how many of its events the ledger held then
 * @param lastPosition global position of the last of them
 * @param lastChangeAt when the last of them was recorded
 */
public record StreamState(String id, String state, long events, long lastPosition, Instant lastChangeAt) {
}

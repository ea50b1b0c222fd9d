package com.interactionledger.contracts.complaint;

import java.time.Instant;

/** Complaints per 1,000 sessions, by channel, for sessions started and complaints received in [from, to). */
public record CountComplaintsPerSessions(Instant from, Instant to) {
}

package com.interactionledger.contracts.journey;

import com.interactionledger.contracts.dialogue.Channel;

import java.time.Instant;

/**
 * Journey-level figures for the journeys whose first contact was in [{@code from}, {@code to}), optionally only those
 * entering on {@code entryChannel}; per group when {@code groupBy} is given.
 */
public record FindJourneyFigures(Instant from, Instant to, Channel entryChannel, JourneyDimension groupBy) {
}

package com.interactionledger.contracts.journey;

import com.interactionledger.contracts.analytics.Timing;

import java.util.Map;

/**
 * Figures over a group of journeys: no customer, no text.
 *
 * @param byChannelCount               how many journeys used one channel, two, three... (distinct channels)
 * @param resolvedOnFirstChannelRate   of all the journeys, the share resolved in their first session
 * @param resolutionTime               first contact to resolution, over the resolved journeys
 * @param csatMean                     mean of the journeys' satisfaction (each journey's last survey)
 */
public record JourneyFigures(
        String group,
        long journeys,
        Map<Integer, Long> byChannelCount,
        long resolved,
        Double resolvedOnFirstChannelRate,
        Timing resolutionTime,
        long surveyed,
        Double csatMean
) {
}

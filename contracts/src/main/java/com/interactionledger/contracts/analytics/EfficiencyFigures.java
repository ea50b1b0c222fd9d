package com.interactionledger.contracts.analytics;

/**
 * Service efficiency of a group of sessions (definitions in docs/ANALYTICS.md). Rates are fractions
 * from 0 to 1, null where there is nothing to divide by.
 */
public record EfficiencyFigures(
        String group,
        long sessions,
        long endedSessions,
        Timing firstResponse,
        Timing agentFirstResponseAfterHandoff,
        Timing queueTime,
        Timing handleTime,
        Double firstContactResolutionRate,
        Double botContainmentRate,
        Double transferRate,
        Double abandonmentRate,
        Double continuationRate
) {
}

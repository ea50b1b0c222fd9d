package com.interactionledger.contracts.analytics;

/**
 * Service efficiency of a group of sessions (definitions in docs/ANALYTICS.md). Rates are fractions
 * from 0 to 1, null where there is nothing to divide by.
 *
 * @param customerMessages messages the sessions' customers wrote
 * @param agentMessages    messages agents wrote
 * @param botMessages      messages bots wrote
 * @param transfers        transfers of the sessions, each counted (a session transferred twice counts two)
 */
public record EfficiencyFigures(
        String group,
        long sessions,
        long endedSessions,
        long customerMessages,
        long agentMessages,
        long botMessages,
        long transfers,
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

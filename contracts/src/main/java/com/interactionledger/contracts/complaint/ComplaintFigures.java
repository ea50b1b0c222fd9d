package com.interactionledger.contracts.complaint;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * The figures of one group of complaints (or of all of them). Rates are fractions from 0 to 1, null when there is
 * nothing to divide by; times are in days (fractional).
 *
 * @param group             the group's value (a product, a month "2026-11"...), or "ALL"
 * @param lodged            complaints received
 * @param resolved          complaints that got a final response
 * @param timely            final responses given before the final-response clock ran out (of the first round)
 * @param timelinessRate    timely / resolved
 * @param breached          complaints with at least one recorded breach
 * @param upheldRate        (upheld + partially upheld) / resolved
 * @param averageDaysToResolve from receipt to the first final response
 * @param p90DaysToResolve  90th percentile of the same (nearest rank)
 * @param redressByCurrency total monetary redress of the final responses, per currency
 * @param firstReceivedAt   when the earliest of them was received (null: none)
 * @param lastReceivedAt    when the latest of them was received (null: none)
 */
public record ComplaintFigures(
        String group,
        long lodged,
        long resolved,
        long timely,
        Double timelinessRate,
        long breached,
        Double upheldRate,
        Double averageDaysToResolve,
        Double p90DaysToResolve,
        Map<String, BigDecimal> redressByCurrency,
        Instant firstReceivedAt,
        Instant lastReceivedAt
) {
}

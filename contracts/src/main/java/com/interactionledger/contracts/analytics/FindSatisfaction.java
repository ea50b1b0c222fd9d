package com.interactionledger.contracts.analytics;

/** Satisfaction of the sessions the filter selects, overall and per group ({@code groupBy} optional). */
public record FindSatisfaction(AnalyticsFilter filter, AnalyticsDimension groupBy) {
}

package com.interactionledger.contracts.analytics;

/** Service efficiency of the sessions the filter selects, overall and per group ({@code groupBy} optional). */
public record FindServiceEfficiency(AnalyticsFilter filter, AnalyticsDimension groupBy) {
}

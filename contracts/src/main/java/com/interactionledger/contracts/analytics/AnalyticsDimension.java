package com.interactionledger.contracts.analytics;

/** What satisfaction and service-efficiency figures can be broken down by; periods are UTC calendar periods. */
public enum AnalyticsDimension {
    CHANNEL, AGENT, QUEUE, INTENT, PRODUCT, SEGMENT, CONTINUATION, DAY, WEEK, MONTH
}

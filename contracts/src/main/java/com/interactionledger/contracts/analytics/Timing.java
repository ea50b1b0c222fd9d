package com.interactionledger.contracts.analytics;

/** A measured duration over a group of sessions, in seconds; percentiles by nearest rank. Null when none. */
public record Timing(long measured, Double averageSeconds, Double p50Seconds, Double p90Seconds) {
}

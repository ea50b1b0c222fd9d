package com.interactionledger.contracts.analytics;

import java.util.List;

/** Satisfaction overall and per group. */
public record SatisfactionReport(SatisfactionFigures overall, List<SatisfactionFigures> groups) {
}

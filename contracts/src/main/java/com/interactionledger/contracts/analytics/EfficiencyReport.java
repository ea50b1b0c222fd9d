package com.interactionledger.contracts.analytics;

import java.util.List;

/** Service efficiency overall and per group. */
public record EfficiencyReport(EfficiencyFigures overall, List<EfficiencyFigures> groups) {
}

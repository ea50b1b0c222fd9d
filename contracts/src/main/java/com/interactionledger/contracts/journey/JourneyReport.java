package com.interactionledger.contracts.journey;

import java.util.List;

/** Journey figures overall and, when grouped, per group in the group's order. */
public record JourneyReport(JourneyFigures overall, List<JourneyFigures> groups) {
}

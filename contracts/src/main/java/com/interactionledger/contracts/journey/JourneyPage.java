package com.interactionledger.contracts.journey;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.timeline.TimelineCursor;

import java.util.List;

/** A page of a customer's journeys; {@code next} is null on the last page. */
public record JourneyPage(CustomerId customerId, List<JourneyView> journeys, TimelineCursor next) {
}

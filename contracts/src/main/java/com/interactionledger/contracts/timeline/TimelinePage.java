package com.interactionledger.contracts.timeline;

import com.interactionledger.contracts.common.CustomerId;

import java.util.List;

/** A page of a customer's timeline, newest or oldest sessions first; {@code next} is null on the last page. */
public record TimelinePage(CustomerId customerId, List<SessionSummary> sessions, TimelineCursor next) {
}

package com.interactionledger.contracts.journey;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.timeline.TimelineCursor;

/** A customer's journeys, newest first contact first; {@code after} is the previous page's last journey. */
public record FindCustomerJourneys(CustomerId customerId, TimelineCursor after, int limit) {

    public static final int MAX_LIMIT = 50;
}

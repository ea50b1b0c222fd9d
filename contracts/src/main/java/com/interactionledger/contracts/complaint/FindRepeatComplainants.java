package com.interactionledger.contracts.complaint;

import java.time.Instant;

/** Customers with at least {@code minimum} complaints received within {@code days} days before {@code at}. */
public record FindRepeatComplainants(int minimum, int days, Instant at) {
}

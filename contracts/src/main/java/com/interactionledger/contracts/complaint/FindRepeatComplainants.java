package com.interactionledger.contracts.complaint;

import java.time.Instant;

/**
 * A page of the customers with at least {@code minimum} complaints received within {@code days} days before
 * {@code at}, ordered by their first complaint in that window (its receipt, then its id). The window bounds the rows
 * read; the page bounds the answer (a year of a large bank's complaints has many repeat complainants).
 *
 * @param after the first complaint of the previous page's last customer, or null for the first page
 * @param limit customers per page, 1..{@value #MAX_LIMIT}
 */
public record FindRepeatComplainants(int minimum, int days, Instant at, ComplaintCursor after, int limit) {

    public static final int MAX_LIMIT = 1000;
}

package com.interactionledger.query.complaints;

import com.interactionledger.contracts.complaint.RepeatComplainant;

import java.time.Instant;
import java.util.List;

/**
 * A page of repeat complainants as served over HTTP.
 *
 * @param at         the end of the window (its start is {@code days} before)
 * @param nextCursor pass as {@code cursor}, with the same {@code at}, {@code days} and {@code minimum}, for the next
 *                   page; null on the last page
 */
record RepeatComplainantsResponse(Instant at, List<RepeatComplainant> complainants, String nextCursor) {
}

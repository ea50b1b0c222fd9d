package com.interactionledger.contracts.privacy;

import com.interactionledger.contracts.common.CustomerId;

import java.time.Instant;
import java.util.List;

/**
 * The customers due for erasure at {@code at} under the configured retention periods ({@code retention}: record
 * type, jurisdiction for complaints, and period), in customer id order; those under legal hold are listed with their
 * holds, which keep them until released. Erased customers are never listed. {@code next} is the {@code after} of the
 * next page, null on the last.
 */
public record RetentionReport(Instant at, List<String> retention, List<Due> customers, String next) {

    /**
     * @param dueSince         when the last of the customer's records passed its retention period
     * @param lastSessionAt    the customer's last session activity (null: none)
     * @param lastComplaintAt  the customer's last complaint activity (null: none)
     * @param restricted       whether processing of the customer's data is restricted
     * @param legalHolds       the holds that keep the customer's records (erasure is refused while any stands)
     * @param rule             the rule that makes them due: each record type with its period (a complaint's by its
     *                         jurisdiction) and the customer's last activity of it — what an erasure records
     */
    public record Due(CustomerId customerId, Instant dueSince, Instant lastSessionAt, Instant lastComplaintAt,
                      boolean restricted, List<String> legalHolds, String rule) {
    }
}

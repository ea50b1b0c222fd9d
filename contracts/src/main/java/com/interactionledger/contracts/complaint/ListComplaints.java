package com.interactionledger.contracts.complaint;

import java.time.Duration;
import java.time.Instant;

/**
 * A page of complaints, newest received first, with their clocks' status at {@code at}.
 *
 * @param clocks     only complaints with a clock in this situation at {@code at} (null: any)
 * @param dueWithin  with {@link ClockSituation#DUE_SOON}: how far ahead counts as soon
 * @param after      the last complaint of the previous page, or null
 */
public record ListComplaints(
        ComplaintFilter filter,
        ClockSituation clocks,
        Duration dueWithin,
        Instant at,
        ComplaintCursor after,
        int limit
) {

    public static final int MAX_LIMIT = 100;

    /** The situations of the overdue and near-due lists. */
    public enum ClockSituation {
        /** Open, with a breachable clock past due (breach recorded or not yet). */
        OVERDUE,
        /** Open, with a running clock due within {@code dueWithin}. */
        DUE_SOON
    }
}

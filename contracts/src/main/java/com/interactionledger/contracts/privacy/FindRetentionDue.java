package com.interactionledger.contracts.privacy;

import java.time.Instant;

/**
 * Which customers are due for erasure at {@code at}: every record type they have (sessions, complaints) is older
 * than its retention period. Paged by customer id ({@code after}).
 *
 * @param upToTheHead answer only once the privacy read model has applied every event stored when the query arrived
 *                    (refused if it cannot within a minute): the retention job erases from the answer, and a
 *                    customer's latest activity must not be missed because the read model lagged
 */
public record FindRetentionDue(Instant at, String after, int limit, boolean upToTheHead) {

    public static final int MAX_LIMIT = 1000;
}

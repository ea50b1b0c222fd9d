package com.interactionledger.contracts.privacy;

import java.time.Instant;

/**
 * Which customers are due for erasure at {@code at}: every record type they have (sessions, complaints) is older
 * than its retention period. Paged by customer id ({@code after}).
 */
public record FindRetentionDue(Instant at, String after, int limit) {

    public static final int MAX_LIMIT = 1000;
}

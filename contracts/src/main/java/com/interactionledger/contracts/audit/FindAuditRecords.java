package com.interactionledger.contracts.audit;

import com.interactionledger.contracts.common.CustomerId;

import java.time.Instant;

/**
 * Audit records, newest first; every filter is optional.
 *
 * @param kind    COMMANDS or READS
 * @param outcome for commands only
 * @param after   the position of the last record of the previous page, or null
 */
public record FindAuditRecords(Kind kind, String actorId, CustomerId customerId, Instant from, Instant to,
                               AuditOutcome outcome, Long after, int limit) {

    public static final int MAX_LIMIT = 200;

    public enum Kind {
        COMMANDS, READS
    }
}

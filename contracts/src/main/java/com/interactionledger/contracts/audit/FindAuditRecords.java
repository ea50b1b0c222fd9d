package com.interactionledger.contracts.audit;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.common.ErrorCode;

import java.time.Instant;

/**
 * Audit records, newest first; every filter is optional.
 *
 * @param kind       COMMANDS, READS or REFUSALS
 * @param customerId for commands and reads (a refusal names no customer)
 * @param outcome    for commands only
 * @param errorCode  for refusals only
 * @param after      the position of the last record of the previous page, or null
 */
public record FindAuditRecords(Kind kind, String actorId, CustomerId customerId, Instant from, Instant to,
                               AuditOutcome outcome, ErrorCode errorCode, Long after,
                               int limit) {

    public static final int MAX_LIMIT = 200;

    public enum Kind {
        COMMANDS, READS, REFUSALS
    }
}

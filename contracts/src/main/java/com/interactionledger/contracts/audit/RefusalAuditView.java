package com.interactionledger.contracts.audit;

import com.interactionledger.contracts.common.ErrorCode;

import java.time.Instant;

/** One minute's refusals of one caller, endpoint and code on the audit trail ({@link RequestsRefused}). */
public record RefusalAuditView(
        String eventId,
        String actorId,
        String actorRole,
        String endpoint,
        ErrorCode errorCode,
        String reason,
        Instant minute,
        long count,
        Instant firstAt,
        Instant lastAt,
        long position
) {
}

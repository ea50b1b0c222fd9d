package com.interactionledger.contracts.audit;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.common.ErrorCode;

import java.time.Instant;
import java.util.List;

/**
 * One command on the audit trail: who sent it, through which channel, in which flow, what it was aimed at, and
 * what became of it (the events it appended, or the code it was refused with).
 *
 * @param recordedAt when the ledger recorded its outcome
 * @param events     ids of the events an accepted command appended, in order
 */
public record CommandAuditView(
        String commandId,
        String commandType,
        String targetId,
        CustomerId customerId,
        String actorId,
        String actorRole,
        String channel,
        String correlationId,
        AuditOutcome outcome,
        ErrorCode errorCode,
        String detail,
        List<String> events,
        Instant recordedAt,
        long position
) {
}

package com.interactionledger.contracts.audit;

import com.interactionledger.contracts.common.CustomerId;

import java.time.Instant;

/** One read of a customer's personal data on the audit trail. */
public record ReadAuditView(
        String eventId,
        String actorId,
        String actorRole,
        CustomerId customerId,
        String endpoint,
        String resourceType,
        String resourceId,
        Instant readAt,
        long position
) {
}

package com.interactionledger.contracts.audit;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.common.CustomerScoped;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * Someone read a customer's personal data through the query API. Recorded in the ledger like every other fact, so
 * the access trail is as immutable as the rest; the reader is in the event's metadata.
 *
 * @param endpoint     the method and route template read, e.g. {@code GET /customers/{customerId}/timeline}
 * @param resourceType what was read: TIMELINE, JOURNEYS, SESSION, COMPLAINT, COMPLAINT_LIST,
 *                     RISK_WARNINGS
 * @param resourceId   the session, complaint or customer whose data it was
 */
@Revision("1")
public record PersonalDataRead(
        CustomerId customerId,
        String endpoint,
        String resourceType,
        String resourceId,
        Instant occurredAt
) implements CustomerScoped {
}

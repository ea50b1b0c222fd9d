package com.interactionledger.contracts.audit;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.common.CustomerScoped;
import com.interactionledger.contracts.common.ErrorCode;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * Requests the API refused for who sent them — 401 (no valid token), 403 (a role or machine identity the endpoint
 * does not admit), 451 (a restricted customer's data) — counted per caller, endpoint and code over one minute of the
 * service's clock. One record per minute rather than one per request, so a flood of refusals (a misconfigured client,
 * a scan) cannot fill the ledger; each service instance records its own minutes.
 *
 * @param actorId     the caller, from its verified token; null where no token was verified (every 401 but a token
 *                    whose actor is not an identifier, which is not recorded either)
 * @param actorRole   the role the caller acted in, where the refusal came after one was chosen (a 451); else null
 * @param endpoint    the method and route template, e.g. {@code GET /sessions/{sessionId}} — never the path itself,
 *                    which may name a customer; {@code GET ?} where no endpoint answers the path
 * @param reason      why, as the first refusal of the minute was answered (the problem's detail)
 * @param minute      the minute counted, from its first instant
 * @param count       how many requests were refused in it
 * @param firstAt     the first refusal of the minute
 * @param lastAt      the last one
 * @param occurredAt  when the count was recorded (after the minute closed, or at shutdown)
 */
@Revision("1")
public record RequestsRefused(
        String actorId,
        String actorRole,
        String endpoint,
        ErrorCode errorCode,
        String reason,
        Instant minute,
        long count,
        Instant firstAt,
        Instant lastAt,
        Instant occurredAt
) implements CustomerScoped {

    /** A refusal concerns a caller, not a customer: it is nobody's personal data, and no erasure touches it. */
    @Override
    public CustomerId customerId() {
        return null;
    }
}

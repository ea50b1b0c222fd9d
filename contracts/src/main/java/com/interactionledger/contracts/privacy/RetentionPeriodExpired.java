package com.interactionledger.contracts.privacy;

import com.interactionledger.contracts.common.CustomerId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * Every record of the customer is past its retention period and no legal hold stands: the retention job erases
 * them. Followed, in the same transaction, by the {@link CustomerErased} that destroys the key.
 *
 * @param rule      the rule that applied: each record type with its period and the customer's last activity of it
 * @param dueSince  when the last of the customer's records passed its period
 * @param decidedBy the job's identity, from the service's configuration
 */
@Revision("1")
public record RetentionPeriodExpired(
        CustomerId customerId,
        String rule,
        Instant dueSince,
        String decidedBy,
        Instant occurredAt
) implements PrivacyEvent {
}

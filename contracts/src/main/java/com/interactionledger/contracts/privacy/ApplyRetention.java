package com.interactionledger.contracts.privacy;

import com.interactionledger.contracts.common.CustomerId;

import java.time.Instant;

/**
 * Erases a customer whose records are all past their retention periods: sent by the retention job, never by a
 * request. The customer's privacy record refuses it like any erasure while a legal hold stands or once erased.
 *
 * @param rule      the retention rule that applied, in words: each record type with its period and last activity
 * @param dueSince  when the last of the customer's records passed its period
 * @param decidedBy the job's identity, from the service's configuration
 */
public record ApplyRetention(
        CustomerId customerId,
        String rule,
        Instant dueSince,
        String decidedBy,
        Instant occurredAt
) implements PrivacyCommand {
}

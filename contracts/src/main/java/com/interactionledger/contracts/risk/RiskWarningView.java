package com.interactionledger.contracts.risk;

import com.interactionledger.contracts.common.CustomerId;

import java.time.Instant;

/**
 * An early warning with its reason. The detail names what triggered it (terms matched, counts, the clock) and
 * never quotes a message.
 *
 * @param subjectType SESSION or COMPLAINT
 * @param raisedAt    when the triggering fact happened (its valid time)
 * @param position    global position of the triggering event in the ledger
 */
public record RiskWarningView(String warningId, CustomerId customerId, RiskReason reason, String subjectType,
                              String subjectId, String detail, Instant raisedAt, long position) {
}

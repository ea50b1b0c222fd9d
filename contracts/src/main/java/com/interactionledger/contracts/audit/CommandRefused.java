package com.interactionledger.contracts.audit;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.common.CustomerScoped;
import com.interactionledger.contracts.common.ErrorCode;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The ledger refused a command: it appended nothing for it, and records the refusal itself, because refusals
 * matter to a regulator as much as acceptances. Who asked, through which channel and in which flow is in the
 * event's metadata, as for every event.
 *
 * @param customerId the customer the command named, where it named one (starting a session, lodging a complaint);
 *                   null otherwise
 * @param commandId  the command message's id (the causation id of the events an accepted command appends)
 * @param detail     why, in words; it names ids and states, never personal data
 */
@Revision("1")
public record CommandRefused(
        CustomerId customerId,
        String commandId,
        String commandType,
        String targetId,
        ErrorCode errorCode,
        String detail,
        Instant occurredAt
) implements CustomerScoped {
}

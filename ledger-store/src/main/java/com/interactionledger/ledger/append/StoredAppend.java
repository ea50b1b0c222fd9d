package com.interactionledger.ledger.append;

import org.axonframework.eventhandling.EventMessage;

import java.util.List;

/**
 * One append within a batch being stored, as an {@link AppendHook} sees it.
 *
 * @param receipt  what to keep about the command that appended, or null (no Idempotency-Key, or not a command)
 * @param events   the events as appended
 * @param appended the same events with their global positions, in append order
 */
public record StoredAppend(CommandReceipt receipt, List<EventMessage<?>> events, List<AppendedEvent> appended) {
}

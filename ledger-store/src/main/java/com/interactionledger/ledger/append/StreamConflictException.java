package com.interactionledger.ledger.append;

import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Another writer (another instance, or a command this instance decided on a session state that was no longer the
 * latest) stored an event at the same position of the same stream first: the store's unique key on stream and
 * sequence number refused this append, and nothing of it was stored. Deciding again on fresh state may succeed:
 * the command dispatcher retries such a command (a few times) before answering 409.
 */
public class StreamConflictException extends ConcurrencyException {

    /**
     * Command metadata: how many more times the dispatcher will retry this command on a conflict. A conflict is
     * recorded as a refusal only when none is left.
     */
    public static final String RETRIES_LEFT = "ledger.conflictRetriesLeft";

    public StreamConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}

package com.interactionledger.command.idempotency;

/** The Idempotency-Key was first used for a different request; answering with the first outcome would lie. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException(String key) {
        super("Idempotency-Key '" + key + "' was already used with a different request");
    }
}

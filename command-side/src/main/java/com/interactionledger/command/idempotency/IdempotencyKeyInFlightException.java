package com.interactionledger.command.idempotency;

/**
 * Another request with the same Idempotency-Key committed while this one ran; this one rolled back. The dispatcher
 * answers it from the stored outcome, exactly as it would answer a later retry.
 */
public class IdempotencyKeyInFlightException extends RuntimeException {

    public IdempotencyKeyInFlightException(String key) {
        super("Idempotency-Key " + key + " was committed by a concurrent request");
    }
}

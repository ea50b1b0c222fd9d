package com.interactionledger.ledger.append;

import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.time.Instant;

/**
 * What the ledger keeps about a command beside its events: its Idempotency-Key (the caller's own: keys are scoped by
 * actor), the hash of the request that carried it, and (worked out once the events have their positions) the outcome
 * a retry is answered with. Attached to the command's unit of work before the handler runs; the append path stores
 * it in the same transaction as the events, so a key is recorded exactly when the command's events are.
 *
 * @param actorId        who sent it (the verified token's actor): a key is the key of one actor's commands
 * @param idempotencyKey the client's key
 * @param requestHash    SHA-256 of method, path, actor and canonical body
 * @param commandType    the command's name
 * @param recordedAt     when the command arrived (the edge's clock)
 * @param targetId       the session or complaint the command names, whose version the outcome reports
 */
public record CommandReceipt(String actorId, String idempotencyKey, String requestHash, String commandType,
                             Instant recordedAt, String targetId) {

    private static final String RESOURCE = CommandReceipt.class.getName();

    /** Asks the append path of this unit of work to store the receipt with the command's events. */
    public void attachTo(UnitOfWork<?> unitOfWork) {
        unitOfWork.root().resources().put(RESOURCE, this);
    }

    /**
     * Takes the receipt off this unit of work without storing it: a refused command has no outcome to replay (a retry
     * is decided again), and the record of its refusal is not the command's outcome.
     */
    public static void discardFrom(UnitOfWork<?> unitOfWork) {
        takeFrom(unitOfWork);
    }

    /** The receipt attached to this unit of work, taken off it (it is stored with the first append only). */
    static CommandReceipt takeFrom(UnitOfWork<?> unitOfWork) {
        return (CommandReceipt) unitOfWork.root().resources().remove(RESOURCE);
    }
}

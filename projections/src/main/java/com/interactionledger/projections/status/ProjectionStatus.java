package com.interactionledger.projections.status;

/**
 * Where one event processor of this instance stands.
 *
 * @param name           processing group (a read model's name, or a command-side processor's)
 * @param readModel      whether it builds a read model, and so may be rebuilt
 * @param running        whether it is running on this instance
 * @param error          whether it stopped on an error
 * @param replaying      whether it is replaying (after a reset) rather than following the ledger
 * @param position       the position it has applied every event up to (see ReadModelFreshness)
 * @param headPosition   the ledger's head
 * @param lagEvents      positions behind the head
 * @param lagSeconds     recorded time between its position and the head
 * @param eventsApplied  events stored up to {@code position}
 * @param eventsTotal    events stored up to the head
 * @param deadLetters    events parked in its dead-letter queue
 */
public record ProjectionStatus(String name, boolean readModel, boolean running, boolean error, boolean replaying,
                               long position, long headPosition, long lagEvents, double lagSeconds,
                               long eventsApplied, long eventsTotal, long deadLetters) {
}

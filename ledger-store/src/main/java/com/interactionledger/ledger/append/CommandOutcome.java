package com.interactionledger.ledger.append;

import java.util.List;

/**
 * The answer to an accepted command: the id of the session or complaint it created or changed, its version
 * afterwards (the sequence number of its last event, usable as {@code If-Match}), the global position of its last
 * event (pass it as {@code waitForPosition} to a read to see the command's effect) and every event appended, in
 * append order. A retried command with the same Idempotency-Key gets this same outcome back.
 */
public record CommandOutcome(String id, long version, long position, List<AppendedEvent> events) {

    /** The outcome of a command whose target is the one named; events of other aggregates are listed too. */
    public static CommandOutcome of(String id, List<AppendedEvent> events) {
        long version = events.stream()
                .filter(event -> event.aggregateId().equals(id))
                .mapToLong(AppendedEvent::sequenceNumber)
                .max()
                .orElseThrow(() -> new IllegalStateException("command on " + id + " appended no event to it"));
        long position = events.stream().mapToLong(AppendedEvent::position).max().orElseThrow();
        return new CommandOutcome(id, version, position, events);
    }
}

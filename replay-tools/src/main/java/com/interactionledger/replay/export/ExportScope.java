package com.interactionledger.replay.export;

import java.time.Instant;

/** What an export covers: one customer as of an instant, or every event recorded in a time window. */
public sealed interface ExportScope {

    /** The instant the export's ledger head is taken at: the ledger as it stood then. */
    Instant until();

    /**
     * A customer's complete history as the ledger held it at {@code asOf} (recorded time), of what had happened by
     * {@code validAt} (valid time; null: whenever it happened).
     */
    record Customer(String customerId, Instant asOf, Instant validAt) implements ExportScope {

        public Customer(String customerId, Instant asOf) {
            this(customerId, asOf, null);
        }

        @Override
        public Instant until() {
            return asOf;
        }
    }

    /** Every event recorded in {@code [from, to)}, across customers. */
    record Window(Instant from, Instant to) implements ExportScope {
        public Window {
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("--from must be before --to");
            }
        }

        @Override
        public Instant until() {
            return to;
        }
    }
}

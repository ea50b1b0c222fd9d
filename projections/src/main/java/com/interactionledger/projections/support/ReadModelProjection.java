package com.interactionledger.projections.support;

import org.axonframework.eventhandling.ResetHandler;

/**
 * The event handlers of one read model, writing through its tables. What every read model does alike is here: a
 * reset of its processor clears only its own tables, and the processor then replays every event into them.
 *
 * @param <T> the read model's tables
 */
public abstract class ReadModelProjection<T extends ReadModelTables> {

    protected final T tables;

    protected ReadModelProjection(T tables) {
        this.tables = tables;
    }

    @ResetHandler
    void reset() {
        tables.clear();
    }
}

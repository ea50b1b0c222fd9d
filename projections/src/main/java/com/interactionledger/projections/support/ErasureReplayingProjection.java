package com.interactionledger.projections.support;

import com.interactionledger.contracts.privacy.CustomerErased;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;

/**
 * A read model whose rows carry a customer's personal fields: when the customer is erased, their rows are made again
 * from the events before the erasure ({@link CustomerReplay#replayErased}), whose personal fields now read as
 * erased, so the rows hold no plaintext and come out as a replay from scratch would make them.
 *
 * @param <T> the read model's tables
 */
public abstract class ErasureReplayingProjection<T extends ReadModelTables> extends ReadModelProjection<T> {

    private final CustomerReplay replay;

    protected ErasureReplayingProjection(T tables, CustomerReplay replay) {
        super(tables);
        this.replay = replay;
    }

    @EventHandler
    void on(CustomerErased event, TrackingToken token) {
        // What the tables hold for the batch goes first: the customer's rows are about to change under it.
        tables.writeBatch();
        replay.replayErased(tables.readModel(), event, token);
    }
}

package com.interactionledger.contracts.common;

import com.interactionledger.contracts.complaint.ComplaintClocksSetUpcaster;
import com.interactionledger.contracts.dialogue.MessageRecordedUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;

import java.util.List;

/**
 * Every upcaster of the ledger's events, in the order they apply: the one list each module wires into Axon (so
 * aggregates and projections read old events in their new shape) and the replay tools use for the histories they
 * reconstruct. A new event revision adds its upcaster here, with the old revision's JSON kept as a test fixture.
 */
public final class LedgerUpcasters {

    private LedgerUpcasters() {
    }

    public static List<EventUpcaster> all() {
        return List.of(new MessageRecordedUpcaster(), new ComplaintClocksSetUpcaster());
    }

    public static EventUpcasterChain chain() {
        return new EventUpcasterChain(all());
    }
}

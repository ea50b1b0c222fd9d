package com.interactionledger.contracts.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Reads one revision of one event as the next: what every upcaster of the ledger does. A subclass names the event
 * and the revision it reads, and says how that revision's JSON payload becomes the next one's; which events it
 * applies to and the revision the result carries are decided here, once. The stored bytes are never touched: events
 * are immutable, and the hash chain covers them as stored.
 */
public abstract class NextRevisionUpcaster extends SingleEventUpcaster {

    private final String type;
    private final String revision;
    private final String nextRevision;

    protected NextRevisionUpcaster(Class<?> event, int revision) {
        this.type = event.getName();
        this.revision = Integer.toString(revision);
        this.nextRevision = Integer.toString(revision + 1);
    }

    /** The next revision's payload, built from this revision's (which may be read but must not be changed). */
    protected abstract ObjectNode upcast(ObjectNode payload);

    @Override
    protected final boolean canUpcast(IntermediateEventRepresentation representation) {
        return type.equals(representation.getType().getName())
                && revision.equals(representation.getType().getRevision());
    }

    @Override
    protected final IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(type, nextRevision), JsonNode.class,
                payload -> upcast((ObjectNode) payload));
    }
}

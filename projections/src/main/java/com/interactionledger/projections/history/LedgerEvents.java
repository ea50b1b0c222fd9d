package com.interactionledger.projections.history;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.interactionledger.contracts.common.LedgerSerialization;
import com.interactionledger.contracts.common.LedgerUpcasters;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;

import java.util.Map;
import java.util.stream.Stream;

/**
 * Turns a stored event of a history back into what the ledger's readers see: its payload in the current shape
 * (through the ledger's upcasters, as aggregates and projections read it), or a whole tracked message at its
 * global position, for replaying it through a projection's handlers.
 * <p>
 * Personal fields come out as the given serializer reads them: opened (or erased) by the ledger's
 * {@code PersonalDataSerializer}, still sealed by {@link #SEALED}, which is enough wherever only states are folded.
 */
public final class LedgerEvents {

    /** Reads events with their personal fields left sealed. */
    public static final LedgerEvents SEALED = new LedgerEvents(LedgerSerialization.eventSerializer());

    private static final EventUpcasterChain UPCASTERS = LedgerUpcasters.chain();
    private static final ObjectMapper JSON = LedgerSerialization.objectMapper();

    private final Serializer events;

    /** The payload as read today, and the revision it was read at. */
    public record Read(Object payload, String revision) {
    }

    public LedgerEvents(Serializer events) {
        this.events = events;
    }

    public Read read(HistoryEvent event) {
        GenericDomainEventEntry<JsonNode> stored = new GenericDomainEventEntry<>(null, event.stream(),
                event.sequenceNumber(), event.eventId(), event.recordedAt().toString(), event.payloadType(),
                event.revision(), event.payload(),
                event.metadata() == null ? JsonNodeFactory.instance.objectNode() : event.metadata());
        IntermediateEventRepresentation read = UPCASTERS.upcast(
                Stream.of(new InitialEventRepresentation(stored, events))).findFirst().orElseThrow();
        Object payload = events.deserialize(new SimpleSerializedObject<>(read.getData(JsonNode.class).getData(),
                JsonNode.class, read.getType()));
        return new Read(payload, read.getType().getRevision());
    }

    /**
     * The event as a tracked domain event message at its global position, with its stored metadata and time (the
     * aggregate type, which no read model looks at, is left out).
     */
    public TrackedEventMessage<?> message(HistoryEvent event) {
        Map<String, Object> metaData = event.metadata() == null ? Map.of()
                : JSON.convertValue(event.metadata(), new TypeReference<Map<String, Object>>() { });
        return new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(event.position()),
                new GenericDomainEventMessage<>(null, event.stream(), event.sequenceNumber(),
                        read(event).payload(), MetaData.from(metaData), event.eventId(), event.recordedAt()));
    }
}

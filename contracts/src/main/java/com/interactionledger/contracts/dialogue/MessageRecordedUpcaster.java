package com.interactionledger.contracts.dialogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Reads {@link MessageRecorded} revision 1 (the whole language tag in {@code language}) as revision 2 (language
 * and region apart), with the same rule the command side applies to new messages ({@link LanguageTag}). The stored
 * bytes are never touched: events are immutable, and the hash chain covers them as stored. Every reader that
 * deserializes events (aggregates, projections, replays) goes through Axon's upcaster chain, where this is wired.
 */
public final class MessageRecordedUpcaster extends SingleEventUpcaster {

    private static final String TYPE = MessageRecorded.class.getName();

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return TYPE.equals(representation.getType().getName())
                && "1".equals(representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(TYPE, "2"), JsonNode.class, payload -> {
            ObjectNode message = ((ObjectNode) payload).deepCopy();
            JsonNode tag = message.get("language");
            String whole = tag == null || tag.isNull() ? null : tag.asText();
            // Rebuilt in revision 2's field order, so the upcast JSON reads like a new event's.
            ObjectNode upcast = message.objectNode();
            message.fields().forEachRemaining(field -> {
                if (field.getKey().equals("language")) {
                    upcast.put("language", LanguageTag.languageOf(whole));
                    upcast.put("region", LanguageTag.regionOf(whole));
                } else {
                    upcast.set(field.getKey(), field.getValue());
                }
            });
            return upcast;
        });
    }
}

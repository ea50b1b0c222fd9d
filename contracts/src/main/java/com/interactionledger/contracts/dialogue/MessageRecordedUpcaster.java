package com.interactionledger.contracts.dialogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.interactionledger.contracts.common.NextRevisionUpcaster;

/**
 * Reads {@link MessageRecorded} revision 1 (the whole language tag in {@code language}) as revision 2 (language
 * and region apart), with the same rule the command side applies to new messages ({@link LanguageTag}). The stored
 * bytes are never touched: events are immutable, and the hash chain covers them as stored. Every reader that
 * deserializes events (aggregates, projections, replays) goes through Axon's upcaster chain, where this is wired.
 */
public final class MessageRecordedUpcaster extends NextRevisionUpcaster {

    public MessageRecordedUpcaster() {
        super(MessageRecorded.class, 1);
    }

    @Override
    protected ObjectNode upcast(ObjectNode payload) {
        ObjectNode message = payload.deepCopy();
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
    }
}

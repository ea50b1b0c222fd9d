package com.interactionledger.contracts.dialogue;

import com.interactionledger.contracts.common.Identifiers;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a session; serialized as a plain JSON string. */
public record SessionId(@JsonValue String value) {

    @JsonCreator
    public SessionId {
        Identifiers.require("SessionId", value);
    }

    /** Axon routes commands by {@code toString()} of the target identifier, so it must be the bare value. */
    @Override
    public String toString() {
        return value;
    }
}

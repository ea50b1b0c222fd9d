package com.interactionledger.contracts.dialogue;

import com.interactionledger.contracts.common.Identifiers;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies an agent; serialized as a plain JSON string. */
public record AgentId(@JsonValue String value) {

    @JsonCreator
    public AgentId {
        Identifiers.require("AgentId", value);
    }

    /** Axon routes commands by {@code toString()} of the target identifier, so it must be the bare value. */
    @Override
    public String toString() {
        return value;
    }
}

package com.interactionledger.contracts.complaint;

import com.interactionledger.contracts.common.Identifiers;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a complaint; serialized as a plain JSON string. */
public record ComplaintId(@JsonValue String value) {

    @JsonCreator
    public ComplaintId {
        Identifiers.require("ComplaintId", value);
    }

    /** Axon routes commands by {@code toString()} of the target identifier, so it must be the bare value. */
    @Override
    public String toString() {
        return value;
    }
}

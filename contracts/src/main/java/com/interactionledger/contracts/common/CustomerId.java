package com.interactionledger.contracts.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a customer; serialized as a plain JSON string. */
public record CustomerId(@JsonValue String value) {

    @JsonCreator
    public CustomerId {
        Identifiers.require("CustomerId", value);
    }

    /** Axon routes commands by {@code toString()} of the target identifier, so it must be the bare value. */
    @Override
    public String toString() {
        return value;
    }
}

package com.interactionledger.contracts.knowledge;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.interactionledger.contracts.common.Identifiers;

/** Identifies a knowledge-base article, as the knowledge-base system names it; serialized as a plain JSON string. */
public record ArticleId(@JsonValue String value) {

    @JsonCreator
    public ArticleId {
        Identifiers.require("ArticleId", value);
    }

    /** Axon routes commands by {@code toString()} of the target identifier, so it must be the bare value. */
    @Override
    public String toString() {
        return value;
    }
}

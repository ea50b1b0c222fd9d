package com.interactionledger.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The replay tools' JSON: instants as ISO-8601 text, records in declaration order, and (unlike the ledger's own
 * event mapper) unknown properties refused, so a digest file or an answer of another shape is never half read.
 */
public final class ReplayJson {

    public static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private ReplayJson() {
    }
}

package com.interactionledger.contracts.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The stored form of events is a public contract with regulators, so it is defined here, once, and never by the
 * web layer's ObjectMapper (whose settings may change for API reasons). The approval test in this module pins
 * the JSON this produces.
 */
public final class LedgerSerialization {

    private LedgerSerialization() {
    }

    /** A fresh mapper with the ledger's fixed settings: ISO-8601 instants, properties in declaration order. */
    public static ObjectMapper objectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                // Old events must stay readable after a field is added to the record.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .serializationInclusion(JsonInclude.Include.ALWAYS)
                .build();
    }

    /** Serializer for event payloads and metadata in the event store (Axon's {@code eventSerializer}). */
    public static JacksonSerializer eventSerializer() {
        return JacksonSerializer.builder()
                .objectMapper(objectMapper())
                .revisionResolver(new AnnotationRevisionResolver())
                .build();
    }

    /** Serializer for tokens, snapshots and dead letters (Axon's general serializer). */
    public static JacksonSerializer generalSerializer() {
        return JacksonSerializer.builder()
                .objectMapper(objectMapper())
                .revisionResolver(new AnnotationRevisionResolver())
                .build();
    }
}

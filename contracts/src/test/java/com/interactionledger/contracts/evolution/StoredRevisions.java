package com.interactionledger.contracts.evolution;

import com.interactionledger.contracts.common.LedgerSerialization;
import com.interactionledger.contracts.common.LedgerUpcasters;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event as the store holds it, read back as every reader reads it: through the ledger's upcaster chain, then
 * deserialized. What the upcaster tests share, so that each says only what its revision becomes.
 */
final class StoredRevisions {

    private static final JacksonSerializer SERIALIZER = LedgerSerialization.eventSerializer();

    private StoredRevisions() {
    }

    /** {@code json} stored as revision {@code revision} of {@code event}, read as revision {@code current}. */
    static <T> T read(Class<T> event, String json, String revision, String current) {
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>("Aggregate", "aggregate-0001", 1,
                "event-1", "2026-01-15T10:30:00.123456Z", event.getName(), revision,
                json.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        List<IntermediateEventRepresentation> read = LedgerUpcasters.chain()
                .upcast(Stream.of(new InitialEventRepresentation(stored, SERIALIZER))).toList();
        assertThat(read).singleElement()
                .satisfies(upcast -> assertThat(upcast.getType().getRevision()).isEqualTo(current));
        IntermediateEventRepresentation upcast = read.get(0);
        return SERIALIZER.deserialize(new SimpleSerializedObject<>(upcast.getData(byte[].class).getData(),
                byte[].class, upcast.getType()));
    }

    /** A sample kept on the test class path, e.g. {@code /old-revisions/MessageRecorded-1.json}. */
    static String sample(String path) {
        try (InputStream in = StoredRevisions.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package com.interactionledger.ledger.stored;

import com.interactionledger.ledger.stored.StoredEvent;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerCloudEventsTest {

    private static final URI SOURCE = URI.create("urn:interaction-ledger:test");

    private static StoredEvent stored(String metadata) {
        return new StoredEvent(4_294_967_301L, "session-1", 3, "InteractionSession", "event-1",
                metadata.getBytes(StandardCharsets.UTF_8), "{\"text\":\"sealed\"}".getBytes(StandardCharsets.UTF_8),
                "2", "com.interactionledger.contracts.dialogue.MessageRecorded", "2026-11-30T08:00:00.000Z");
    }

    @Test
    void aStoredEventTravelsAsACloudEventAndComesBackByteForByte() {
        StoredEvent event = stored("{\"customerId\":\"cust-7\",\"actorId\":\"agent-1\"}");

        CloudEvent cloudEvent = LedgerCloudEvents.toCloudEvent(event, "hash-at-position", SOURCE);

        assertThat(cloudEvent.getId()).isEqualTo("event-1");
        assertThat(cloudEvent.getType()).isEqualTo("com.interactionledger.contracts.dialogue.MessageRecorded.v2");
        assertThat(cloudEvent.getSource()).isEqualTo(SOURCE);
        assertThat(cloudEvent.getSubject()).isEqualTo("cust-7");
        assertThat(cloudEvent.getTime().toInstant()).hasToString("2026-11-30T08:00:00Z");
        assertThat(cloudEvent.getExtension(LedgerCloudEvents.POSITION)).isEqualTo("4294967301");
        assertThat(LedgerCloudEvents.chainHash(cloudEvent)).isEqualTo("hash-at-position");
        assertThat(LedgerCloudEvents.key(event)).isEqualTo("cust-7");

        StoredEvent back = LedgerCloudEvents.stored(cloudEvent);
        assertThat(back).usingRecursiveComparison().isEqualTo(event);
        assertThat(back.digest()).isEqualTo(event.digest());
    }

    @Test
    void anEventOfNoCustomerHasNoSubjectAndIsKeyedByItsStream() {
        StoredEvent event = stored("{\"actorId\":\"agent-1\"}");

        CloudEvent cloudEvent = LedgerCloudEvents.toCloudEvent(event, null, SOURCE);

        assertThat(cloudEvent.getSubject()).isNull();
        assertThat(LedgerCloudEvents.chainHash(cloudEvent)).isNull();
        assertThat(LedgerCloudEvents.key(event)).isEqualTo("session-1");
    }

    @Test
    void anEventOfNoSessionOrComplaintTravelsWithoutAnAggregateType() {
        StoredEvent stored = stored("{\"customerId\":\"cust-7\"}");
        StoredEvent recorded = new StoredEvent(stored.globalIndex(), stored.eventIdentifier(), 0, null,
                stored.eventIdentifier(), stored.metadata(), stored.payload(), "1",
                "com.interactionledger.contracts.audit.PersonalDataRead", stored.timestamp());

        CloudEvent cloudEvent = LedgerCloudEvents.toCloudEvent(recorded, "hash", SOURCE);

        assertThat(cloudEvent.getExtension(LedgerCloudEvents.AGGREGATE_TYPE)).isNull();
        assertThat(LedgerCloudEvents.stored(cloudEvent)).usingRecursiveComparison().isEqualTo(recorded);
    }

    @Test
    void aCloudEventThatIsNotTheLedgersIsRefused() {
        CloudEvent foreign = CloudEventBuilder.v1().withId("x").withType("com.example.Other")
                .withSource(SOURCE).build();

        assertThatThrownBy(() -> LedgerCloudEvents.stored(foreign)).isInstanceOf(IllegalArgumentException.class);
    }
}

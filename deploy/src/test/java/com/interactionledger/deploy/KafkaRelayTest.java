package com.interactionledger.deploy;

import com.interactionledger.ledger.stored.LedgerCloudEvents;
import com.interactionledger.projections.testsupport.KafkaBrokerProcess;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static com.interactionledger.deploy.LedgerHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay of the ledger to Kafka, against a real broker in its own JVM: every stored event reaches the topic as a
 * CloudEvent keyed by its customer, in ledger order per customer; while the broker is down commands are still
 * accepted, and when it is back the relay catches up with no event missing.
 */
@DirtiesContext
class KafkaRelayTest extends PostgresLedgerTest {

    private static final String TOPIC = "ledger-events";
    private static KafkaBrokerProcess kafka;

    @DynamicPropertySource
    static void relayToTheBroker(DynamicPropertyRegistry registry) {
        kafka = KafkaBrokerProcess.start(TOPIC, 3);
        registry.add("ledger.kafka.relay.enabled", () -> "true");
        registry.add("ledger.kafka.bootstrap-servers", kafka::bootstrapServers);
        registry.add("ledger.kafka.topic", () -> TOPIC);
        registry.add("ledger.kafka.relay.delivery-timeout", () -> "PT3S");
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void everyEventReachesTheTopicAsACloudEventKeyedByCustomerInLedgerOrder() {
        List<String> customers = List.of("relay-a", "relay-b", "relay-c", "relay-d");
        customers.forEach(customer -> journey(customer, customer + "-chat", 3));

        awaitRelayedEverything();
        Map<String, List<ConsumerRecord<String, CloudEvent>>> byCustomer = new HashMap<>();
        readTopic().stream().filter(record -> customers.contains(record.key()))
                .forEach(record -> byCustomer.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(record));

        for (String customer : customers) {
            List<Map<String, Object>> stored = jdbc.queryForList("SELECT e.globalindex, e.eventidentifier,"
                    + " e.payloadtype, e.payloadrevision, e.aggregateidentifier, c.chain_hash FROM domainevententry e"
                    + " JOIN ledger_customer_event ce ON ce.globalindex = e.globalindex"
                    + " JOIN ledger_chain c ON c.globalindex = e.globalindex"
                    + " WHERE ce.customer_id = ? ORDER BY e.globalindex", customer);
            List<ConsumerRecord<String, CloudEvent>> records = byCustomer.get(customer);
            assertThat(stored).hasSize(5); // started, 3 messages, resolved
            assertThat(records).as("records of %s", customer).hasSameSizeAs(stored);
            assertThat(records).extracting(ConsumerRecord::partition).as("one partition per customer")
                    .containsOnly(records.get(0).partition());
            for (int i = 0; i < stored.size(); i++) {
                Map<String, Object> row = stored.get(i);
                CloudEvent event = records.get(i).value();
                assertThat(event.getId()).isEqualTo(row.get("eventidentifier"));
                assertThat(LedgerCloudEvents.position(event)).isEqualTo(((Number) row.get("globalindex")).longValue());
                assertThat(event.getType()).isEqualTo(row.get("payloadtype") + ".v" + row.get("payloadrevision"));
                assertThat(event.getSubject()).isEqualTo(customer);
                assertThat(event.getSource()).hasToString("urn:interaction-ledger");
                assertThat(event.getTime()).isNotNull();
                assertThat(event.getDataContentType()).isEqualTo("application/json");
                assertThat(LedgerCloudEvents.chainHash(event)).isEqualTo(((String) row.get("chain_hash")).trim());
                assertThat(event.getExtension(LedgerCloudEvents.AGGREGATE_ID))
                        .isEqualTo(row.get("aggregateidentifier"));
            }
        }
    }

    @Test
    void whileTheBrokerIsDownCommandsAreAcceptedAndTheRelayCatchesUpWithNoGap() {
        journey("outage-before", "outage-before-chat", 1);
        awaitRelayedEverything();

        kafka.stop();
        try {
            journey("outage-during", "outage-during-chat", 4);
            long head = head();
            // the relay cannot get past what the broker has not acknowledged
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(20))
                    .until(() -> relayPosition() < head);
            // ... and says so in the health, where monitoring looks; the readiness to take commands is untouched
            await().atMost(Duration.ofSeconds(15)).until(() -> http.get("/actuator/health/relay").json()
                    .path("status").asText().equals("DOWN"));
            assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
        } finally {
            kafka.startAgain();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/actuator/health/relay").json()
                .path("status").asText().equals("UP"));
        journey("outage-after", "outage-after-chat", 1);
        // a read of personal data is recorded too: an event of no session or complaint
        assertThat(http.as("SUPERVISOR", "relay-reader").get("/customers/outage-after/timeline").status())
                .isEqualTo(200);
        awaitRelayedEverything();

        List<Long> stored = jdbc.queryForList("SELECT globalindex FROM domainevententry ORDER BY globalindex",
                Long.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry WHERE type IS NULL", Long.class))
                .as("events of no aggregate among them").isPositive();
        List<ConsumerRecord<String, CloudEvent>> records = readTopic();
        Set<Long> published = new LinkedHashSet<>();
        records.forEach(record -> published.add(LedgerCloudEvents.position(record.value())));
        assertThat(published).as("every stored event published, none that was not stored")
                .containsExactlyInAnyOrderElementsOf(stored);
        Map<String, Long> lastPerKey = new HashMap<>();
        records.forEach(record -> {
            long position = LedgerCloudEvents.position(record.value());
            Long last = lastPerKey.put(record.key(), Math.max(position, lastPerKey.getOrDefault(record.key(), 0L)));
            // at least once: a redelivered event repeats one already seen, it never jumps ahead of a missing one
            assertThat(last == null || position > last || published.contains(position)).isTrue();
        });
        System.out.printf("KafkaRelayTest: %d stored, %d records (%d redelivered)%n", stored.size(), records.size(),
                records.size() - published.size());
    }

    /** A chat of a customer with {@code messages} messages: 1 + messages events, and a resolution. */
    private void journey(String customer, String session, int messages) {
        LedgerHttp bot = bot();
        accepted(bot.post("/sessions", json("sessionId", session, "customerId", customer, "channel", "WEB_CHAT",
                "entryPoint", "web")));
        IntStream.range(0, messages).forEach(i -> accepted(gateway().post("/sessions/" + session + "/messages",
                json("messageId", "m" + i, "authorRole", "CUSTOMER", "text", "message " + i))));
        accepted(bot.post("/sessions/" + session + "/resolution", json("resolutionCode", "ANSWERED",
                "firstContactResolution", true)));
    }

    private long head() {
        Long head = jdbc.queryForObject("SELECT MAX(globalindex) FROM domainevententry", Long.class);
        return head == null ? 0 : head;
    }

    private long relayPosition() {
        return jdbc.queryForObject("SELECT position FROM kafka_relay WHERE topic = ?", Long.class, TOPIC);
    }

    private void awaitRelayedEverything() {
        long head = head();
        await().atMost(Duration.ofSeconds(60)).until(() -> relayPosition() >= head);
    }

    /** Every record on the topic, partition by partition, in offset order. */
    private static List<ConsumerRecord<String, CloudEvent>> readTopic() {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, CloudEvent>> records = new ArrayList<>();
        try (KafkaConsumer<String, CloudEvent> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new CloudEventDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(info -> new TopicPartition(TOPIC, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        records.sort((a, b) -> a.partition() != b.partition() ? Integer.compare(a.partition(), b.partition())
                : Long.compare(a.offset(), b.offset()));
        return records;
    }
}

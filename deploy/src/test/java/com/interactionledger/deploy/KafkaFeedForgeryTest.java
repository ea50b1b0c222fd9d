package com.interactionledger.deploy;

import com.interactionledger.ledger.stored.LedgerCloudEvents;
import com.interactionledger.projections.distribution.LedgerEventFeed;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static com.interactionledger.deploy.LedgerHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The feed trusts nothing it did not verify, against a real broker and store: a record written to the ledger's topic
 * by anyone but the relay — beyond the ledger's head, at a real position with other content, a genuine record copied
 * into another partition than its customer's, or not a ledger event —
 * stops the feed at its offset with its health DOWN naming why, writes no read-model row, and does not make a real
 * event after it be skipped: once the operator moves the group past it, the feed resumes there and applies them.
 * (Its own broker and topic: the forged records stay on the topic, and {@link KafkaFeedTest} re-reads its topic from
 * the start.)
 */
@TestPropertySource(properties = "ledger.node-id=query-forgery")
class KafkaFeedForgeryTest extends KafkaFedLedgerTest {


    @Autowired
    LedgerEventFeed feed;

    @Autowired
    ApplicationContext context;

    @Test
    void aRecordBeyondTheHeadStopsTheFeedAtItsOffsetAndWritesNothing() throws Exception {
        // were it applied, its partition's position would jump, and every real event after it be skipped
        forgedRecordIsRefusedAndRealEventsAfterItAreApplied("forged-head", "beyond the ledger's head",
                (real, neighbours) -> CloudEventBuilder.v1(real).withExtension(LedgerCloudEvents.POSITION,
                        Long.toString(head() + 1_000_000)).build());
    }

    @Test
    void aRecordWithARealPositionAndOtherContentStopsTheFeedAtItsOffsetAndWritesNothing() throws Exception {
        // a session of the customer that never happened, at a real position its partition has not applied yet
        forgedRecordIsRefusedAndRealEventsAfterItAreApplied("forged-content", "content differs from the stored event",
                (real, neighbours) -> CloudEventBuilder.v1(real).withId("forged-event")
                        .withExtension(LedgerCloudEvents.AGGREGATE_ID, "forged-content-ghost-chat")
                        .withExtension(LedgerCloudEvents.POSITION, Long.toString(head())).build());
    }

    @Test
    void aGenuineRecordCopiedIntoAnotherPartitionStopsTheFeedAtItsOffsetAndWritesNothing() throws Exception {
        // the neighbour's real record, unchanged (its content is the store's), replayed into the customer's partition:
        // applied there, it would move that partition's position past real events still to come
        forgedRecordIsRefusedAndRealEventsAfterItAreApplied("copied-record", "a record copied from another partition",
                (customers, neighbours) -> neighbours);
    }

    @Test
    void aRecordThatIsNotALedgerEventStopsTheFeedAtItsOffsetAndWritesNothing() throws Exception {
        forgedRecordIsRefusedAndRealEventsAfterItAreApplied("forged-type", "not a ledger event",
                (real, neighbours) -> CloudEventBuilder.v1().withId("not-ours").withType("com.example.payments.TransferMade")
                        .withSource(URI.create("urn:someone-else")).withTime(OffsetDateTime.now())
                        .withDataContentType("application/json")
                        .withData("{\"amount\":1}".getBytes(StandardCharsets.UTF_8)).build());
    }

    /** A forged record, made from the customer's first real record and the neighbour's (in another partition). */
    interface Forgery {
        CloudEvent forge(CloudEvent customers, CloudEvent neighbours);
    }

    /**
     * A forged record put in a customer's partition after the customer's first chat (and a neighbour's chat in another
     * partition, the newest real event) stops the feed at its offset; the customer's second chat, published behind it,
     * waits; after the operator's fix (the query sides stopped, the group's offset moved to the forged record's + 1,
     * started again) the feed resumes there and applies the second chat and every real event after the forged record.
     */
    private void forgedRecordIsRefusedAndRealEventsAfterItAreApplied(String customer, String reason,
                                                                     Forgery forgery)
            throws Exception {
        journey(customer, customer + "-chat");
        String neighbour = IntStream.range(0, 100).mapToObj(i -> customer + "-neighbour-" + i)
                .filter(other -> partitionOf(other) != partitionOf(customer)).findFirst().orElseThrow();
        journey(neighbour, neighbour + "-chat");
        awaitReadModelsCaughtUp();
        ConsumerRecord<String, CloudEvent> real = firstRecordOf(customer);
        TopicPartition partition = new TopicPartition(TOPIC, real.partition());
        assertThat(partition.partition()).isEqualTo(partitionOf(customer));
        long lastPosition = lastPosition(partition);
        long headBefore = head();
        Map<String, List<String>> before = readModelRows();

        long forgedOffset = produce(customer, forgery.forge(real.value(), firstRecordOf(neighbour).value()));
        journey(customer, customer + "-chat-2");
        HealthIndicator health = context.getBean("feedHealthIndicator", HealthIndicator.class);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(feed.lastFailure()).contains(partition + " offset " + forgedOffset, reason);
            Health down = health.health();
            assertThat(down.getStatus().getCode()).isEqualTo("DOWN");
            assertThat(String.valueOf(down.getDetails().get("failure"))).contains(reason);
            assertThat(committedOffset(partition)).as("stopped exactly at the forged record").isEqualTo(forgedOffset);
        });
        assertThat(http.as("ADMIN", "feed-health").get("/actuator/health/feed").json().path("status").asText())
                .isEqualTo("DOWN");
        await().atMost(Duration.ofSeconds(10)).until(() -> head() > headBefore);
        Thread.sleep(1_000);
        assertThat(readModelRows()).as("no row from the forged record nor from what is behind it").isEqualTo(before);
        assertThat(lastPosition(partition)).as("the partition's position did not move").isEqualTo(lastPosition);
        assertThat(committedOffset(partition)).isEqualTo(forgedOffset);
        assertThat(feed.lastFailure()).as("still stopped there").contains("offset " + forgedOffset);

        // the operator's fix: the query sides stopped, the group moved past the forged record, started again
        feed.stop();
        awaitNoMembers();
        try (Admin admin = kafka.admin()) {
            admin.alterConsumerGroupOffsets(GROUP, Map.of(partition, new OffsetAndMetadata(forgedOffset + 1)))
                    .all().get(30, TimeUnit.SECONDS);
        }
        feed.start();
        awaitReadModelsCaughtUp();
        await().atMost(Duration.ofSeconds(30)).until(() -> feed.lastFailure() == null);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM timeline_session WHERE customer_id = ?", Long.class,
                customer)).as("the real chat behind the forged record is applied").isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT position FROM audit_command_event WHERE position > ? ORDER BY position",
                Long.class, lastPosition)).as("every real event after it, none skipped")
                .containsExactlyElementsOf(jdbc.queryForList("SELECT globalindex FROM domainevententry"
                        + " WHERE globalindex > ? ORDER BY globalindex", Long.class, lastPosition));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM timeline_session WHERE session_id LIKE '%ghost%'",
                Long.class)).isZero();
        assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
    }

    /** The partition the relay's producer (the default partitioner, keyed by customer) puts a customer in. */
    private static int partitionOf(String customer) {
        return Utils.toPositive(Utils.murmur2(customer.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }

    private long head() {
        return jdbc.queryForObject("SELECT globalindex FROM ledger_chain_head WHERE id = 1", Long.class);
    }

    private long lastPosition(TopicPartition partition) {
        return jdbc.queryForObject("SELECT last_position FROM read_model_feed WHERE consumer_group = ? AND topic = ?"
                + " AND kafka_partition = ?", Long.class, GROUP, TOPIC, partition.partition());
    }

    private long committedOffset(TopicPartition partition) throws Exception {
        try (Admin admin = kafka.admin()) {
            OffsetAndMetadata offset = admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS).get(partition);
            return offset == null ? -1 : offset.offset();
        }
    }

    private void awaitNoMembers() {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            try (Admin admin = kafka.admin()) {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).all()
                        .get(10, TimeUnit.SECONDS).get(GROUP);
                return group.members().isEmpty();
            }
        });
    }

    /** The first record of the customer on the topic, as the relay published it. */
    private ConsumerRecord<String, CloudEvent> firstRecordOf(String customer) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, CloudEvent> reader = new KafkaConsumer<>(config, new StringDeserializer(),
                new CloudEventDeserializer())) {
            reader.assign(IntStream.range(0, PARTITIONS).mapToObj(p -> new TopicPartition(TOPIC, p)).toList());
            reader.seekToBeginning(reader.assignment());
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, CloudEvent> record : reader.poll(Duration.ofMillis(500))) {
                    if (customer.equals(record.key())) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no record of " + customer + " on the topic");
    }

    /** Writes a record to the topic as anyone with write access could, keyed like the customer's: its offset. */
    private long produce(String key, CloudEvent event) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(config, new StringSerializer(),
                new CloudEventSerializer())) {
            return producer.send(new ProducerRecord<>(TOPIC, key, event)).get(30, TimeUnit.SECONDS).offset();
        }
    }

    /** A chat with two messages and a resolution. */
    private void journey(String customer, String session) {
        LedgerHttp bot = bot();
        accepted(bot.post("/sessions", json("sessionId", session, "customerId", customer, "channel", "WEB_CHAT",
                "entryPoint", "web")));
        accepted(gateway().post("/sessions/" + session + "/messages", json("messageId", "m1", "authorRole", "CUSTOMER",
                "text", "my card was charged twice")));
        accepted(bot.post("/sessions/" + session + "/messages", json("messageId", "m2", "authorRole", "BOT",
                "authorId", TestInstallation.BOT, "text", "a refund is on its way")));
        accepted(bot.post("/sessions/" + session + "/resolution", json("resolutionCode", "REFUNDED",
                "firstContactResolution", true)));
    }
}

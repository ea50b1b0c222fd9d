package com.interactionledger.projections.distribution;

import com.interactionledger.ledger.stored.LedgerCloudEvents;
import com.interactionledger.ledger.stored.LedgerTopicClients;
import com.interactionledger.ledger.stored.StoredEvent;
import com.interactionledger.projections.history.HistoryEvent;
import com.interactionledger.projections.history.LedgerEvents;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.SubscribableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Feeds the read models from the ledger's Kafka topic in distributed mode: every query-side instance joins one
 * consumer group, so the instances share the partitions (and with them the customers) and take over the partitions
 * of an instance that is gone. The read models' processors are subscribing processors with this as their source
 * (see {@link com.interactionledger.projections.ReadModelProcessors}), so the very same handlers apply the events as
 * in the embedded default.
 * <p>
 * One poll is applied in one database transaction: the events go to every read model, and the partition's row in
 * {@code read_model_feed} moves to the last event applied. Only after that commit are the offsets committed to
 * Kafka. A crash in between means the events come again: a partition holds its customers' events in ledger order,
 * so an event at or below the partition's last applied position is recognised as already applied and skipped (and
 * the read models' own writes are idempotent besides). A failed poll is rolled back and read again after a pause.
 * <p>
 * The events arrive as the stored rows (personal fields sealed) and are read exactly as the in-process processors
 * read them from the store: through the ledger's upcasters and the event serializer, at their global positions.
 * A record that is not a ledger event stops the feed at its offset (its health goes DOWN) instead of being skipped:
 * the topic carries the ledger and nothing else, and a read model never silently misses an event.
 */
public class LedgerEventFeed implements SubscribableMessageSource<EventMessage<?>>, SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerEventFeed.class);

    private final FeedProperties properties;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final LedgerEvents events;
    private final String nodeId;
    private final List<java.util.function.Consumer<List<? extends EventMessage<?>>>> subscribers =
            new CopyOnWriteArrayList<>();
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    /** Partitions whose feed row is known to exist (touched by the feed's thread only). */
    private final Set<Integer> feedRows = new HashSet<>();

    private volatile boolean running;
    private volatile Consumer<String, CloudEvent> consumer;
    private volatile String lastFailure;
    private Thread worker;

    public LedgerEventFeed(FeedProperties properties, JdbcTemplate jdbc, PlatformTransactionManager transactions,
                           LedgerEvents events, String nodeId) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.events = events;
        this.nodeId = nodeId;
    }

    @Override
    public Registration subscribe(java.util.function.Consumer<List<? extends EventMessage<?>>> messageProcessor) {
        subscribers.add(messageProcessor);
        return () -> subscribers.remove(messageProcessor);
    }

    /** Events applied by this instance since it started, and redeliveries it recognised and skipped. */
    public long applied() {
        return applied.get();
    }

    public long skipped() {
        return skipped.get();
    }

    /** Why the last poll could not be applied, while that lasts; null once one is. */
    public String lastFailure() {
        return lastFailure;
    }

    public boolean failing() {
        return lastFailure != null;
    }

    private void run() {
        int failures = 0;
        Consumer<String, CloudEvent> kafka = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(),
                new CloudEventDeserializer());
        consumer = kafka;
        try {
            kafka.subscribe(List.of(properties.topic()), new Rebalance());
            while (running) {
                ConsumerRecords<String, CloudEvent> records = ConsumerRecords.empty();
                try {
                    records = kafka.poll(Duration.ofMillis(200));
                    if (records.isEmpty()) {
                        continue;
                    }
                    Map<TopicPartition, OffsetAndMetadata> next = apply(records);
                    commit(kafka, next);
                    if (failures > 0) {
                        LOG.info("Feed from {} resumed after {} failed attempts", properties.topic(), failures);
                    }
                    failures = 0;
                    lastFailure = null;
                } catch (WakeupException stopping) {
                    throw stopping;
                } catch (RuntimeException e) {
                    failures++;
                    lastFailure = e.getMessage();
                    if (failures == 1 || failures % 20 == 0) {
                        LOG.warn("Feed from {} could not poll or apply ({} attempts so far), will read again: {}",
                                properties.topic(), failures, e.getMessage());
                    }
                    if (!records.isEmpty()) {
                        rewind(kafka, records);
                    }
                    pause(LedgerTopicClients.backoff(failures));
                }
            }
        } catch (WakeupException stopping) {
            LOG.debug("Feed from {} stopping", properties.topic());
        } finally {
            kafka.close(Duration.ofSeconds(5));
            consumer = null;
        }
    }

    /**
     * Applies a poll in one transaction and returns the offsets to commit to Kafka afterwards.
     */
    private Map<TopicPartition, OffsetAndMetadata> apply(ConsumerRecords<String, CloudEvent> records) {
        // Normally made on assignment; made here if the database was away then.
        setUp(records.partitions().stream().filter(partition -> !feedRows.contains(partition.partition())).toList());
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        long[] redelivered = {0};
        Integer count = transaction.execute(status -> {
            redelivered[0] = 0;
            List<EventMessage<?>> messages = new ArrayList<>(records.count());
            Map<Integer, long[]> progress = new HashMap<>();
            for (TopicPartition partition : records.partitions()) {
                long last = lockedLastPosition(partition.partition());
                long nextOffset = 0;
                for (ConsumerRecord<String, CloudEvent> record : records.records(partition)) {
                    long position = LedgerCloudEvents.position(record.value());
                    nextOffset = record.offset() + 1;
                    if (position <= last) {
                        redelivered[0]++;
                        continue;
                    }
                    messages.add(message(record.value(), position));
                    last = position;
                }
                progress.put(partition.partition(), new long[] {nextOffset, last});
                next.put(partition, new OffsetAndMetadata(nextOffset));
            }
            if (!messages.isEmpty()) {
                subscribers.forEach(subscriber -> subscriber.accept(messages));
            }
            progress.forEach((partition, row) -> jdbc.update("UPDATE read_model_feed SET next_offset = ?,"
                            + " last_position = ? WHERE consumer_group = ? AND topic = ? AND kafka_partition = ?",
                    row[0], row[1], properties.consumer().group(), properties.topic(), partition));
            return messages.size();
        });
        // counted once committed: a poll rolled back and read again is not counted twice
        applied.addAndGet(count == null ? 0 : count);
        skipped.addAndGet(redelivered[0]);
        return next;
    }

    /** The partition's last applied position, its row locked until the transaction ends (a zombie waits here). */
    private long lockedLastPosition(int partition) {
        Long last = jdbc.query("SELECT last_position FROM read_model_feed WHERE consumer_group = ? AND topic = ?"
                        + " AND kafka_partition = ? FOR UPDATE", rs -> rs.next() ? rs.getLong(1) : null,
                properties.consumer().group(), properties.topic(), partition);
        if (last == null) {
            throw new IllegalStateException("no feed row for partition " + partition + " (assigned but not set up)");
        }
        return last;
    }

    private EventMessage<?> message(CloudEvent event, long position) {
        StoredEvent stored = LedgerCloudEvents.stored(event);
        return events.message(HistoryEvent.stored(position, Instant.parse(stored.timestamp()),
                stored.aggregateIdentifier(), stored.sequenceNumber(), stored.payloadType(), stored.payloadRevision(),
                stored.eventIdentifier(), stored.metadata(), stored.payload(), null,
                LedgerCloudEvents.chainHash(event)));
    }

    private static void commit(Consumer<String, CloudEvent> kafka, Map<TopicPartition, OffsetAndMetadata> next) {
        try {
            kafka.commitSync(next);
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            // The database has the truth; after a rebalance the events come again and are skipped as applied.
            LOG.info("Feed could not commit offsets ({}); redelivered events will be skipped", e.getMessage());
        }
    }

    /** Reads the failed poll again: every partition of it back to its first record. */
    private static void rewind(Consumer<String, CloudEvent> kafka, ConsumerRecords<String, CloudEvent> records) {
        for (TopicPartition partition : records.partitions()) {
            if (kafka.assignment().contains(partition)) {
                kafka.seek(partition, records.records(partition).get(0).offset());
            }
        }
    }

    /** A newly assigned partition gets its feed row (position 0: nothing applied) if it has none yet. */
    private void setUp(Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            if (feedRows.contains(partition.partition())) {
                continue;
            }
            try {
                jdbc.update("INSERT INTO read_model_feed (consumer_group, topic, kafka_partition, next_offset,"
                                + " last_position) SELECT ?, ?, ?, 0, 0 WHERE NOT EXISTS (SELECT 1 FROM read_model_feed"
                                + " WHERE consumer_group = ? AND topic = ? AND kafka_partition = ?)",
                        properties.consumer().group(), properties.topic(), partition.partition(),
                        properties.consumer().group(), properties.topic(), partition.partition());
            } catch (DuplicateKeyException anotherInstanceWasFirst) {
                LOG.debug("feed row of {} made by another instance", partition);
            }
            feedRows.add(partition.partition());
        }
    }

    /** The consumer's settings: the configured client settings, then the feed's own, which win. */
    Properties consumerConfig() {
        Properties config = LedgerTopicClients.settings(properties.client(), properties.bootstrapServers(),
                "ledger-feed-" + nodeId);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.consumer().group());
        // Offsets are committed after the database transaction, never automatically before it.
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.consumer().maxPollRecords());
        // A lost instance's partitions are taken over within seconds, not the default 45.
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
        return config;
    }

    private void pause(Duration duration) {
        if (!LedgerTopicClients.pause(duration)) {
            running = false;
        }
    }

    /** After Axon's processors have subscribed (they start in an earlier phase), before the web server serves. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    @Override
    public void start() {
        running = true;
        worker = LedgerTopicClients.start("ledger-feed", this::run);
    }

    @Override
    public void stop() {
        running = false;
        Consumer<String, CloudEvent> kafka = consumer;
        if (kafka != null) {
            kafka.wakeup();
        }
        LedgerTopicClients.awaitEnd(worker, Duration.ofSeconds(30));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Sets up the feed rows of assigned partitions; nothing to do on revocation (offsets follow every commit). */
    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            try {
                setUp(partitions);
            } catch (RuntimeException databaseAway) {
                // not thrown into poll(): the rows are made before the partitions' first events are applied
                LOG.info("Feed rows of {} not made yet: {}", partitions, databaseAway.getMessage());
            }
            LOG.info("Feed from {}: partitions {} assigned to {}", properties.topic(),
                    partitions.stream().map(TopicPartition::partition).sorted().toList(), nodeId);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            LOG.info("Feed from {}: partitions {} revoked from {}", properties.topic(),
                    partitions.stream().map(TopicPartition::partition).sorted().toList(), nodeId);
        }
    }
}

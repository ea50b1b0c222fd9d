package com.interactionledger.projections.distribution;

import com.interactionledger.ledger.stored.Databases;
import com.interactionledger.ledger.stored.LedgerCloudEvents;
import com.interactionledger.ledger.stored.LedgerHash;
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

import java.sql.Array;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * <p>
 * <b>The feed trusts nothing it did not verify.</b> Anyone who can write to the topic could otherwise write read-model
 * rows, or — with a record claiming a far position — move a partition's last applied position beyond the ledger's
 * head, so that every real event after it would be skipped as a redelivery. So the records of a poll are checked
 * against the store the query side reads, before anything is applied, with two queries per poll
 * (not per record): the committed head ({@code ledger_chain_head}) and the chain links of the poll's positions
 * ({@code ledger_chain WHERE globalindex = ANY(?)}). A record is refused when
 * <ul>
 *     <li>it is not a ledger event (not a CloudEvent of the ledger's form: a required attribute missing or
 *     malformed);</li>
 *     <li>it is in another partition than its customer's ({@link LedgerCloudEvents#partition}, where the relay puts
 *     every record): a genuine record copied into another partition passes every check of its content, and there,
 *     with a position beyond that partition's last applied one, it would move that position past real events of
 *     the partition still on their way (sent in the same batch, or sent again after a failed step), which would then
 *     be skipped as redeliveries;</li>
 *     <li>its position is beyond the ledger's head. The relay publishes an event only after the event's transaction
 *     committed, and the feed reads the head after its poll returned the record, from the same store: a real record
 *     cannot be ahead. The head is nevertheless read once more before refusing (a store read through a replica may
 *     lag by a moment), and a refusal is not final either: the feed reads the record again after a pause, so a head
 *     that catches up lets it through;</li>
 *     <li>the store has no event at its position (a gap left by a rolled-back append);</li>
 *     <li>its content is not the stored event's: the event digest is recomputed from the record exactly as the
 *     append path computed it ({@link LedgerHash#eventDigest}: aggregate, sequence, types, identifier, timestamp,
 *     metadata and payload bytes) and compared with the store's {@code event_digest} at the record's position. The
 *     digest the record carries (its chain hash) is not trusted as a proof — a forger writes whatever hash he likes —
 *     but it must be the store's too, and the store's is what the read models get. A forged record with a real
 *     position and any other content (its type included) therefore differs from the one digest the store holds for
 *     that position; forging a match means finding a SHA-256 collision.</li>
 * </ul>
 * A well-formed record at or below its partition's last applied position is a redelivery and skipped whatever it
 * carries (it can change neither a row nor the position), so only what would be applied needs to pass.
 * <p>
 * A refused record stops its partition at its offset (its health goes DOWN naming the partition, offset and reason):
 * the records of the poll before it are applied and committed as usual, nothing from it on is applied, and the
 * partition is read again from it after a pause, until it passes or an operator moves the group past it. A record is
 * never skipped silently: the topic carries the ledger and nothing else, and a read model never misses an event.
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
                    // the topic's partition count (from the client's metadata): where each customer's records belong
                    Applied applied = apply(records, kafka.partitionsFor(properties.topic()).size());
                    commit(kafka, applied.next());
                    if (!applied.refused().isEmpty()) {
                        // the refused partitions are read again from the refused record, never past it
                        applied.refused().forEach((partition, refusal) -> {
                            if (kafka.assignment().contains(partition)) {
                                kafka.seek(partition, refusal.offset());
                            }
                        });
                        failures++;
                        lastFailure = refusalMessage(applied.refused());
                        if (failures == 1 || failures % 20 == 0) {
                            LOG.error("Feed from {} stopped at a record it refused ({} attempts so far): {}",
                                    properties.topic(), failures, lastFailure);
                        }
                        pause(LedgerTopicClients.backoff(failures));
                        continue;
                    }
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
     * Verifies a poll against the store, applies in one transaction what precedes the first refused record of each
     * partition and returns the offsets to commit to Kafka afterwards, with the refused records.
     */
    private Applied apply(ConsumerRecords<String, CloudEvent> records, int partitions) {
        // Normally made on assignment; made here if the database was away then.
        setUp(records.partitions().stream().filter(partition -> !feedRows.contains(partition.partition())).toList());
        Map<TopicPartition, List<Verified>> verified = verify(records, partitions);
        Map<TopicPartition, Refusal> refused = new LinkedHashMap<>();
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        long[] redelivered = {0};
        Integer count = transaction.execute(status -> {
            redelivered[0] = 0;
            refused.clear();
            next.clear();
            List<EventMessage<?>> messages = new ArrayList<>(records.count());
            Map<Integer, long[]> progress = new HashMap<>();
            verified.forEach((partition, partitionRecords) -> {
                long last = lockedLastPosition(partition.partition());
                long nextOffset = partitionRecords.get(0).offset();
                for (Verified record : partitionRecords) {
                    if (record.event() != null && record.position() <= last) {
                        // a redelivery; were it forged, it is skipped too: it changes neither a row nor the position
                        redelivered[0]++;
                    } else if (record.refusal() != null) {
                        refused.put(partition, new Refusal(record.offset(), record.refusal()));
                        break;
                    } else {
                        messages.add(message(record.event(), record.position(), record.chainHash()));
                        last = record.position();
                    }
                    nextOffset = record.offset() + 1;
                }
                progress.put(partition.partition(), new long[] {nextOffset, last});
                next.put(partition, new OffsetAndMetadata(nextOffset));
            });
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
        return new Applied(next, refused);
    }

    /**
     * Checks every record of the poll against the store (see the class's description): per partition, the records
     * in order, each with why it is refused (null: it is the stored event). Two queries per poll, a third when a
     * record is beyond the head first read.
     */
    private Map<TopicPartition, List<Verified>> verify(ConsumerRecords<String, CloudEvent> records, int partitions) {
        Map<TopicPartition, List<Candidate>> candidates = new LinkedHashMap<>();
        Set<Long> positions = new HashSet<>();
        long highest = 0;
        for (TopicPartition partition : records.partitions()) {
            List<Candidate> partitionCandidates = new ArrayList<>();
            for (ConsumerRecord<String, CloudEvent> record : records.records(partition)) {
                Candidate candidate;
                try {
                    CloudEvent event = record.value();
                    if (event == null) {
                        throw new IllegalArgumentException("the record has no value");
                    }
                    StoredEvent stored = LedgerCloudEvents.stored(event);
                    int home = LedgerCloudEvents.partition(stored, partitions);
                    candidate = new Candidate(record.offset(), event, stored.globalIndex(),
                            LedgerHash.eventDigest(stored), home == partition.partition() ? null
                            : "it belongs in partition " + home + " (its customer's), not " + partition.partition()
                            + ": a record copied from another partition");
                    if (candidate.refusal() == null) {
                        positions.add(stored.globalIndex());
                        highest = Math.max(highest, stored.globalIndex());
                    }
                } catch (RuntimeException notALedgerEvent) {
                    candidate = new Candidate(record.offset(), null, 0, null,
                            "not a ledger event (" + notALedgerEvent.getMessage() + ")");
                }
                partitionCandidates.add(candidate);
            }
            candidates.put(partition, partitionCandidates);
        }
        Map<Long, String[]> links = positions.isEmpty() ? Map.of() : links(positions);
        long head = positions.isEmpty() ? 0 : head();
        if (highest > head) {
            // a store read through a replica may lag a moment behind the relay's: once more before refusing
            head = head();
        }
        Map<TopicPartition, List<Verified>> verified = new LinkedHashMap<>();
        for (Map.Entry<TopicPartition, List<Candidate>> partition : candidates.entrySet()) {
            List<Verified> partitionVerified = new ArrayList<>();
            for (Candidate candidate : partition.getValue()) {
                String[] link = links.get(candidate.position());
                String reason = candidate.refusal() != null ? candidate.refusal() : refusal(candidate, head, link);
                partitionVerified.add(new Verified(candidate.offset(), candidate.event(), candidate.position(),
                        link == null ? null : link[1], reason));
            }
            verified.put(partition.getKey(), partitionVerified);
        }
        return verified;
    }

    /** Why a well-formed record is refused, or null: its position and digest against the store's link. */
    private static String refusal(Candidate candidate, long head, String[] link) {
        long position = candidate.position();
        if (position > head) {
            return "position " + position + " is beyond the ledger's head " + head;
        }
        if (link == null) {
            return "the ledger has no event at position " + position;
        }
        if (!link[0].equals(candidate.digest())) {
            return "its content differs from the stored event at position " + position + " (digest "
                    + candidate.digest() + ", the store's " + link[0] + ")";
        }
        String carried = LedgerCloudEvents.chainHash(candidate.event());
        if (carried != null && !carried.equals(link[1])) {
            return "its chain hash differs from the store's at position " + position;
        }
        return null;
    }

    /** The committed head of the chain: every event at or below it is linked, none above. */
    private long head() {
        Long head = jdbc.queryForObject("SELECT globalindex FROM ledger_chain_head WHERE id = 1", Long.class);
        return head == null ? 0 : head;
    }

    /** The chain links of the positions, in one query: position to {event digest, chain hash}. */
    private Map<Long, String[]> links(Set<Long> positions) {
        Map<Long, String[]> links = new HashMap<>();
        jdbc.query(connection -> {
            Array array = connection.createArrayOf("bigint", positions.toArray());
            // planned for these positions each time, not once on an empty chain (Databases.plannedForItsValues)
            var statement = Databases.plannedForItsValues(connection,
                    "SELECT globalindex, event_digest, chain_hash FROM ledger_chain WHERE globalindex = ANY(?)");
            statement.setArray(1, array);
            return statement;
        }, rs -> {
            links.put(rs.getLong(1), new String[] {rs.getString(2).trim(), rs.getString(3).trim()});
        });
        return links;
    }

    private static String refusalMessage(Map<TopicPartition, Refusal> refused) {
        List<String> parts = new ArrayList<>();
        refused.forEach((partition, refusal) -> parts.add("record refused at " + partition + " offset "
                + refusal.offset() + ": " + refusal.reason()));
        return String.join("; ", parts);
    }

    private record Candidate(long offset, CloudEvent event, long position, String digest, String refusal) {
    }

    private record Verified(long offset, CloudEvent event, long position, String chainHash, String refusal) {
    }

    /** The first record of a partition the feed refused, and why. */
    private record Refusal(long offset, String reason) {
    }

    private record Applied(Map<TopicPartition, OffsetAndMetadata> next, Map<TopicPartition, Refusal> refused) {
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

    /** The event as the store holds it; the chain hash is the store's (verified equal to the record's). */
    private EventMessage<?> message(CloudEvent event, long position, String chainHash) {
        StoredEvent stored = LedgerCloudEvents.stored(event);
        return events.message(HistoryEvent.stored(position, Instant.parse(stored.timestamp()),
                stored.aggregateIdentifier(), stored.sequenceNumber(), stored.payloadType(), stored.payloadRevision(),
                stored.eventIdentifier(), stored.metadata(), stored.payload(), null, chainHash));
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

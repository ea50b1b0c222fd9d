package com.interactionledger.command.relay;

import com.interactionledger.ledger.stored.LedgerCloudEvents;
import com.interactionledger.ledger.stored.LedgerTopicClients;
import com.interactionledger.ledger.stored.StoredEvent;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes every stored event, in ledger order, to a Kafka topic as a CloudEvent keyed by its customer, so that
 * one customer's events stay in one partition in order. The event store stays the truth; Kafka carries it.
 * <p>
 * One step, in one database transaction: lock the relay's row ({@code kafka_relay}), read the next events after its
 * position, send them, wait until the broker has acknowledged every one (idempotent producer, {@code acks=all}),
 * then move the position and the per-partition progress, and commit. So the position never passes an event the
 * broker has not got. If anything fails (broker down, a timeout) the transaction rolls back, the producer is
 * replaced, and the step is retried from the same position after a pause: delivery is at least once, and readers
 * deduplicate by event id. Commands never wait for the relay, so a broker outage does not stop the ledger.
 * <p>
 * Why the row lock and not Axon's tracking processor: the relay must carry the stored bytes (payloads sealed with
 * the customer's key, exactly as the chain covers them), which a processor would hand over deserialized and opened;
 * and the lock lets several command-side instances run a relay each, safely: they take turns, a step at a time,
 * and when one dies its transaction is rolled back and another goes on. Appends take the chain's head lock before
 * they get their positions, so positions become visible in order and reading after a position never skips one.
 */
public class KafkaRelay implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaRelay.class);

    private final RelayProperties properties;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final String topic;

    private volatile boolean running;
    private Thread worker;
    private Producer<String, CloudEvent> producer;
    private volatile String lastFailure;

    public KafkaRelay(RelayProperties properties, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.topic = properties.topic();
    }

    /** The global position up to which every event has been acknowledged by the broker. */
    public long position() {
        Long position = jdbc.query("SELECT position FROM kafka_relay WHERE topic = ?",
                rs -> rs.next() ? rs.getLong(1) : null, topic);
        return position == null ? 0 : position;
    }

    /** Why the last step failed, while the relay is failing; null once a step succeeds. */
    public String lastFailure() {
        return lastFailure;
    }

    /**
     * Publishes the next batch after the relay's position and moves the position when the broker acknowledged it.
     *
     * @return how many events were published (0: nothing new)
     */
    public int relayOnce() {
        Integer published = transaction.execute(status -> {
            Long position = jdbc.query("SELECT position FROM kafka_relay WHERE topic = ? FOR UPDATE",
                    rs -> rs.next() ? rs.getLong(1) : null, topic);
            if (position == null) {
                throw new IllegalStateException("the relay of " + topic + " has no start position");
            }
            List<Relayed> batch = jdbc.query("SELECT " + columns() + ", c.chain_hash FROM domainevententry e"
                    + " LEFT JOIN ledger_chain c ON c.globalindex = e.globalindex WHERE e.globalindex > ?"
                    + " ORDER BY e.globalindex LIMIT " + properties.relay().batchSize(),
                    (rs, row) -> new Relayed(StoredEvent.read(rs), rs.getString("chain_hash")), position);
            if (batch.isEmpty()) {
                return 0;
            }
            Map<Integer, long[]> partitions = send(batch);
            jdbc.update("UPDATE kafka_relay SET position = ? WHERE topic = ?",
                    batch.get(batch.size() - 1).event().globalIndex(), topic);
            partitions.forEach((partition, last) -> {
                if (jdbc.update("UPDATE kafka_relay_partition SET last_offset = ?, last_position = ? WHERE topic = ?"
                        + " AND kafka_partition = ?", last[0], last[1], topic, partition) == 0) {
                    jdbc.update("INSERT INTO kafka_relay_partition (topic, kafka_partition, last_offset,"
                            + " last_position) VALUES (?, ?, ?, ?)", topic, partition, last[0], last[1]);
                }
            });
            return batch.size();
        });
        return published == null ? 0 : published;
    }

    /** Sends the batch and waits for every acknowledgement: per partition, the last offset and its position. */
    private Map<Integer, long[]> send(List<Relayed> batch) {
        Producer<String, CloudEvent> kafka = producer();
        // Each record in its customer's partition, by the definition the feed checks it against (where Kafka's
        // default partitioner would put it too; a configured partitioner cannot move it).
        int partitionCount = kafka.partitionsFor(topic).size();
        List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(batch.size());
        for (Relayed relayed : batch) {
            CloudEvent event = LedgerCloudEvents.toCloudEvent(relayed.event(), relayed.chainHash(),
                    properties.relay().source());
            acknowledgements.add(kafka.send(new ProducerRecord<>(topic,
                    LedgerCloudEvents.partition(relayed.event(), partitionCount), LedgerCloudEvents.key(relayed.event()),
                    event)));
        }
        kafka.flush();
        long deadline = System.nanoTime() + properties.relay().deliveryTimeout().toNanos();
        Map<Integer, long[]> partitions = new TreeMap<>();
        for (int i = 0; i < batch.size(); i++) {
            RecordMetadata metadata = acknowledged(acknowledgements.get(i), deadline);
            partitions.put(metadata.partition(), new long[] {metadata.offset(), batch.get(i).event().globalIndex()});
        }
        return partitions;
    }

    private static RecordMetadata acknowledged(Future<RecordMetadata> acknowledgement, long deadline) {
        try {
            return acknowledgement.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker did not acknowledge: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the broker did not acknowledge in time", e);
        }
    }

    private Producer<String, CloudEvent> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfig());
        }
        return producer;
    }

    /** The producer's settings: the configured client settings, then the relay's own, which win. */
    Properties producerConfig() {
        long timeout = properties.relay().deliveryTimeout().toMillis();
        Properties config = LedgerTopicClients.settings(properties.client(), properties.bootstrapServers(),
                "ledger-relay");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // At most 5 in flight keeps the idempotent producer's per-partition order across its own retries.
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(1_000, timeout / 2 - 10));
        // A broker that is down makes send() wait for metadata: no longer than a delivery may take.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        // Binary mode: the attributes travel as ce_ headers, the record's value is the stored payload.
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class);
        return config;
    }

    /** The relay's row, made once with the configured start position; a running relay keeps its own. */
    void initialise() {
        if (jdbc.queryForObject("SELECT COUNT(*) FROM kafka_relay WHERE topic = ?", Long.class, topic) > 0) {
            return;
        }
        long start = startPosition(properties.relay().start());
        try {
            jdbc.update("INSERT INTO kafka_relay (topic, position) VALUES (?, ?)", topic, start);
            LOG.info("Relay to {} starts after position {} ({})", topic, start, properties.relay().start());
        } catch (DuplicateKeyException anotherInstanceWasFirst) {
            LOG.debug("Relay to {} was initialised by another instance", topic);
        }
    }

    private long startPosition(String start) {
        if ("earliest".equals(start)) {
            return 0;
        }
        if ("latest".equals(start)) {
            Long head = jdbc.queryForObject("SELECT MAX(globalindex) FROM domainevententry", Long.class);
            return head == null ? 0 : head;
        }
        try {
            return Long.parseLong(start);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ledger.kafka.relay.start must be earliest, latest or a position, not "
                    + start, e);
        }
    }

    private void run() {
        int failures = 0;
        while (running) {
            try {
                int published = relayOnce();
                if (failures > 0) {
                    LOG.info("Relay to {} resumed after {} failed attempts", topic, failures);
                }
                failures = 0;
                lastFailure = null;
                if (published < properties.relay().batchSize()) {
                    pause(properties.relay().idle());
                }
            } catch (RuntimeException e) {
                failures++;
                lastFailure = e.getMessage();
                closeProducer();
                if (failures == 1 || failures % 20 == 0) {
                    LOG.warn("Relay to {} failed ({} attempts so far), will retry from position {}: {}", topic,
                            failures, safePosition(), e.getMessage());
                }
                pause(LedgerTopicClients.backoff(failures));
            }
        }
    }

    private String safePosition() {
        try {
            return Long.toString(position());
        } catch (RuntimeException databaseDown) {
            return "(unknown: " + databaseDown.getMessage() + ")";
        }
    }

    private void pause(Duration duration) {
        if (!LedgerTopicClients.pause(duration)) {
            running = false;
        }
    }

    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException e) {
                LOG.debug("closing the relay's producer: {}", e.getMessage());
            }
            producer = null;
        }
    }

    private static String columns() {
        return "e." + StoredEvent.COLUMNS.replace(", ", ", e.");
    }

    @Override
    public void start() {
        initialise();
        running = true;
        worker = LedgerTopicClients.start("kafka-relay", this::run);
    }

    @Override
    public void stop() {
        running = false;
        LedgerTopicClients.awaitEnd(worker, properties.relay().deliveryTimeout().plusSeconds(5));
        closeProducer();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private record Relayed(StoredEvent event, String chainHash) {
    }
}

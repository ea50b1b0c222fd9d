package com.interactionledger.projections.testsupport;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker (KRaft mode, no ZooKeeper) inside the test JVM, from the Maven artifacts of the same Kafka
 * version as the clients. Starts in a few seconds on a free port; close it when done.
 * <pre>
 * try (KafkaTestBroker kafka = KafkaTestBroker.start(3, "ledger-events")) {
 *     producerProps.put("bootstrap.servers", kafka.bootstrapServers());
 * }
 * </pre>
 */
public final class KafkaTestBroker implements AutoCloseable {

    private final EmbeddedKafkaKraftBroker broker;

    private KafkaTestBroker(EmbeddedKafkaKraftBroker broker) {
        this.broker = broker;
    }

    /** Starts one broker with the given topics, each with {@code partitions} partitions. */
    public static KafkaTestBroker start(int partitions, String... topics) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, partitions, topics);
        broker.afterPropertiesSet();
        return new KafkaTestBroker(broker);
    }

    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    @Override
    public void close() {
        broker.destroy();
    }
}

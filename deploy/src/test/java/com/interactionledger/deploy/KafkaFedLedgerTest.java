package com.interactionledger.deploy;

import com.interactionledger.projections.testsupport.KafkaBrokerProcess;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application in distributed mode against a real broker of the test class's own: the relay publishes the
 * ledger to its topic, and the read models are fed from it by the consumer group. A subclass names its instance
 * ({@code ledger.node-id}); the broker is stopped after the class, and the context with it.
 */
@DirtiesContext
@TestPropertySource(properties = {"ledger.kafka.relay.enabled=true", "ledger.kafka.consumer.enabled=true"})
abstract class KafkaFedLedgerTest extends PostgresLedgerTest {

    static final String TOPIC = "ledger-events";
    static final String GROUP = "ledger-read-models";
    static final int PARTITIONS = 3;
    static KafkaBrokerProcess kafka;

    @DynamicPropertySource
    static void theBroker(DynamicPropertyRegistry registry) {
        kafka = KafkaBrokerProcess.start(TOPIC, PARTITIONS);
        registry.add("ledger.kafka.bootstrap-servers", kafka::bootstrapServers);
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }
}

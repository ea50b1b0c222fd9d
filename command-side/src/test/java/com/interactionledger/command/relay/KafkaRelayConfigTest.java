package com.interactionledger.command.relay;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaRelayConfigTest {

    @Test
    void clientSettingsReachTheProducerButCannotWeakenTheRelaysGuarantees() {
        RelayProperties properties = new RelayProperties("broker-1:9093", "ledger-events",
                Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512", "acks", "0",
                        "enable.idempotence", "false"),
                new RelayProperties.Relay(true, "earliest", 500, Duration.ofMillis(20), Duration.ofSeconds(15),
                        URI.create("urn:interaction-ledger")));

        Properties config = new KafkaRelay(properties, null, null).producerConfig();

        assertThat(config).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism",
                "SCRAM-SHA-512");
        assertThat(config.get(ProducerConfig.ACKS_CONFIG)).isEqualTo("all");
        assertThat(config.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)).isEqualTo(true);
        assertThat(config.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)).isEqualTo("broker-1:9093");
        assertThat(config.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)).isEqualTo(15_000);
    }
}

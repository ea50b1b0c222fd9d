package com.interactionledger.command.relay;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The relay of the ledger to Kafka ({@code ledger.kafka.*}; docs/OPERATIONS.md, "The relay" and "Settings").
 *
 * @param bootstrapServers the brokers
 * @param topic            where the events go, keyed by customer
 * @param client           further kafka-clients settings for every client of the ledger, such as the broker's
 *                         security ({@code ledger.kafka.client[security.protocol]=SASL_SSL},
 *                         {@code ledger.kafka.client[sasl.jaas.config]=...}); the relay's own guarantees
 *                         (idempotence, {@code acks=all}, serializers) cannot be overridden
 * @param relay            the relay's own settings
 */
@ConfigurationProperties("ledger.kafka")
public record RelayProperties(@DefaultValue("127.0.0.1:9092") String bootstrapServers,
                              @DefaultValue("ledger-events") String topic,
                              @DefaultValue Map<String, String> client,
                              @DefaultValue Relay relay) {

    /**
     * @param enabled         publish the ledger (off in the embedded default, which has no Kafka)
     * @param start           where a relay that never ran starts: {@code earliest} (the whole ledger, the default:
     *                        readers fed from the topic need every event), {@code latest} (only what comes next),
     *                        or a global position (publish what comes after it)
     * @param batchSize       events read, sent and acknowledged per step
     * @param idle            pause when everything has been published
     * @param deliveryTimeout how long the broker has to acknowledge a batch before the step fails and is retried
     * @param source          the CloudEvents {@code source} of this ledger installation
     */
    public record Relay(@DefaultValue("false") boolean enabled,
                        @DefaultValue("earliest") String start,
                        @DefaultValue("500") int batchSize,
                        @DefaultValue("PT0.02S") Duration idle,
                        @DefaultValue("PT15S") Duration deliveryTimeout,
                        @DefaultValue("urn:interaction-ledger") URI source) {
    }
}

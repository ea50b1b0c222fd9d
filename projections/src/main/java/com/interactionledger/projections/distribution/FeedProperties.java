package com.interactionledger.projections.distribution;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Map;

/**
 * The query side's feed from Kafka ({@code ledger.kafka.*}; docs/OPERATIONS.md).
 *
 * @param bootstrapServers the brokers
 * @param topic            the ledger's topic, which the command side's relay fills
 * @param client           further kafka-clients settings for every client of the ledger (the broker's security:
 *                         see the command side's {@code RelayProperties}); the feed's own (group, manual commits,
 *                         deserializers) cannot be overridden
 * @param consumer         the feed's own settings
 */
@ConfigurationProperties("ledger.kafka")
public record FeedProperties(@DefaultValue("127.0.0.1:9092") String bootstrapServers,
                             @DefaultValue("ledger-events") String topic,
                             @DefaultValue Map<String, String> client,
                             @DefaultValue Consumer consumer) {

    /**
     * @param enabled        feed the read models from the topic instead of reading the event store in process
     * @param group          the consumer group: every query-side instance of one installation joins the same one
     * @param maxPollRecords events applied per transaction at most
     */
    public record Consumer(@DefaultValue("false") boolean enabled,
                           @DefaultValue("ledger-read-models") String group,
                           @DefaultValue("500") int maxPollRecords) {
    }
}

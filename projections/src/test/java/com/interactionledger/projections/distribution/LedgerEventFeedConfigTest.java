package com.interactionledger.projections.distribution;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerEventFeedConfigTest {

    @Test
    void clientSettingsReachTheConsumerButCannotTurnOnAutomaticCommits() {
        FeedProperties properties = new FeedProperties("broker-1:9093", "ledger-events",
                Map.of("security.protocol", "SSL", "enable.auto.commit", "true", "group.id", "elsewhere"),
                new FeedProperties.Consumer(true, "ledger-read-models", 250));

        Properties config = new LedgerEventFeed(properties, null, null, null, "query-1").consumerConfig();

        assertThat(config).containsEntry("security.protocol", "SSL");
        assertThat(config.get(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG)).isEqualTo(false);
        assertThat(config.get(ConsumerConfig.GROUP_ID_CONFIG)).isEqualTo("ledger-read-models");
        assertThat(config.get(ConsumerConfig.MAX_POLL_RECORDS_CONFIG)).isEqualTo(250);
        assertThat(config.get(ConsumerConfig.CLIENT_ID_CONFIG)).isEqualTo("ledger-feed-query-1");
    }
}

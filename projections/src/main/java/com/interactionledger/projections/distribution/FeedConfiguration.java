package com.interactionledger.projections.distribution;

import com.interactionledger.projections.ReadModelProcessors;
import com.interactionledger.projections.history.LedgerEvents;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.lang.management.ManagementFactory;

/** The feed from Kafka, on a query-side service with {@code ledger.kafka.consumer.enabled=true}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = ReadModelProcessors.DISTRIBUTED, havingValue = "true")
@EnableConfigurationProperties(FeedProperties.class)
class FeedConfiguration {

    @Bean(ReadModelProcessors.FEED_BEAN)
    LedgerEventFeed ledgerEventFeed(FeedProperties properties, JdbcTemplate jdbc,
                                    PlatformTransactionManager transactions,
                                    @Qualifier("eventSerializer") Serializer eventSerializer,
                                    @Value("${ledger.node-id:}") String nodeId) {
        return new LedgerEventFeed(properties, jdbc, transactions, new LedgerEvents(eventSerializer),
                nodeId.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : nodeId);
    }

    @Bean
    FeedProgress feedProgress(FeedProperties properties, JdbcTemplate jdbc) {
        return new FeedProgress(properties, jdbc);
    }
}

package com.interactionledger.command.relay;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The relay runs on a command-side service with {@code ledger.kafka.relay.enabled=true}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ledger.kafka.relay.enabled", havingValue = "true")
@EnableConfigurationProperties(RelayProperties.class)
class RelayConfiguration {

    @Bean
    KafkaRelay kafkaRelay(RelayProperties properties, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        return new KafkaRelay(properties, jdbc, transactions);
    }
}

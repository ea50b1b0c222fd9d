package com.interactionledger.deploy.health;

import com.interactionledger.command.CommandSideAutoConfiguration;
import com.interactionledger.command.relay.KafkaRelay;
import com.interactionledger.projections.ProjectionsAutoConfiguration;
import com.interactionledger.projections.distribution.FeedProgress;
import com.interactionledger.projections.distribution.LedgerEventFeed;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;

/**
 * The relay and the feed in {@code /actuator/health} (as {@code relay} and {@code feed}) where they run: DOWN while
 * they fail and retry (the broker away, say), so monitoring sees it. They are not in the readiness group: a command
 * side whose relay waits for the broker still takes commands (the store is the truth), and a query side whose feed
 * waits still answers, with freshness stamps that say how far it is.
 */
@AutoConfiguration(after = {CommandSideAutoConfiguration.class, ProjectionsAutoConfiguration.class})
public class DistributionHealthAutoConfiguration {

    @Bean
    @ConditionalOnBean(KafkaRelay.class)
    HealthIndicator relayHealthIndicator(KafkaRelay relay) {
        return () -> {
            String failure = relay.lastFailure();
            Health.Builder health = failure == null ? Health.up() : Health.down().withDetail("failure", failure);
            return health.withDetail("position", relay.position()).build();
        };
    }

    @Bean
    @ConditionalOnBean(LedgerEventFeed.class)
    HealthIndicator feedHealthIndicator(LedgerEventFeed feed, FeedProgress progress) {
        return () -> {
            String failure = feed.lastFailure();
            Health.Builder health = !feed.isRunning() ? Health.outOfService()
                    : failure == null ? Health.up() : Health.down().withDetail("failure", failure);
            return health.withDetail("appliedPosition", progress.appliedPosition())
                    .withDetail("applied", feed.applied()).withDetail("skippedRedeliveries", feed.skipped()).build();
        };
    }
}

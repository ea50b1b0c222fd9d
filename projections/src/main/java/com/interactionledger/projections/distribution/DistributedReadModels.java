package com.interactionledger.projections.distribution;

import com.interactionledger.projections.status.ProjectionStatuses;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.HashMap;
import java.util.Map;

/**
 * In distributed mode ({@code ledger.kafka.consumer.enabled=true}) every read model's processor becomes a subscribing
 * processor fed by the {@link LedgerEventFeed} instead of a pooled processor reading the event store: the consumer
 * group shares the work among the instances, where the pooled processors would share segments through the token
 * store. The handlers, the dead-letter queues and the tables stay the same.
 * <p>
 * Set before the application's configuration is read; explicit {@code axon.eventhandling.processors.*} settings of
 * the application still win, and the projections module's defaults lose.
 */
public class DistributedReadModels implements EnvironmentPostProcessor {

    public static final String ENABLED = "ledger.kafka.consumer.enabled";
    public static final String FEED_BEAN = "ledgerEventFeed";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty(ENABLED, Boolean.class, false)) {
            return;
        }
        Map<String, Object> processors = new HashMap<>();
        ProjectionStatuses.READ_MODELS.forEach(readModel -> {
            processors.put("axon.eventhandling.processors." + readModel + ".mode", "subscribing");
            processors.put("axon.eventhandling.processors." + readModel + ".source", FEED_BEAN);
        });
        environment.getPropertySources().addLast(new MapPropertySource("ledger-distributed-read-models", processors));
    }
}

package com.interactionledger.projections;

import com.interactionledger.projections.analytics.ServiceAnalyticsProjection;
import com.interactionledger.projections.audit.AuditProjection;
import com.interactionledger.projections.botquality.BotQualityProjection;
import com.interactionledger.projections.status.ProjectionStatuses;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How every read model's event processor runs, defined once and applied to each read model of
 * {@link ProjectionStatuses#READ_MODELS}.
 * <p>
 * The settings are written as Axon's own properties ({@code axon.eventhandling.processors.<read model>.*}), in a
 * property source of the lowest precedence, rather than registered in code: Axon's auto-configuration registers a
 * processor for every name under {@code axon.eventhandling.processors} from those properties, with its own defaults
 * (tracking, batches of one) for whatever is not set, so a processor registered in code would be replaced as a whole
 * as soon as an application set a single property of it. As properties, an application (a test, a deployment's
 * environment) overrides any one setting of one read model the ordinary way, e.g.
 * {@code axon.eventhandling.processors.timeline.initial-segment-count=4}, and keeps all the others. Set before the
 * application's configuration is read, like any {@link EnvironmentPostProcessor} without an order: explicit settings
 * of the application win.
 * <p>
 * Embedded (the default), each read model has a pooled streaming processor (docs/STACK.md): batches of 100,
 * segments = planned parallelism. One segment and one worker thread each by default: a read model applies its events
 * in batches (support/ReadModelBatches), and on a small machine one work package with larger batches costs less than
 * four with small ones (docs/PERFORMANCE.md). A new installation that runs several instances on one store without
 * Kafka raises {@code initial-segment-count} before its first start. Each reads the event store through
 * {@link ProjectionsAutoConfiguration#ledgerEventStream ledgerEventStream}, which wakes it as soon as a commit makes
 * events readable (support/WakingEventStream; by itself a caught-up processor looks again only every 500 ms).
 * <p>
 * In distributed mode ({@code ledger.kafka.consumer.enabled=true}) every read model's processor is instead a
 * subscribing processor fed by the {@link com.interactionledger.projections.distribution.LedgerEventFeed} from Kafka:
 * the consumer group shares the work among the instances, where the pooled processors would share segments through
 * the token store. The handlers, the sequencing, the dead-letter queues and the tables stay the same.
 * <p>
 * In both modes a poison event is parked in the dead-letter table (with the rest of its sequence, e.g. its customer's
 * events, behind it) instead of stopping the read model for everyone. The dead-letter cache lets a segment know which
 * of its sequences are parked without asking the dead-letter table for every event (it is rebuilt whenever the
 * segment is claimed).
 */
public class ReadModelProcessors implements EnvironmentPostProcessor {

    /** Distributed mode: the read models are fed from the ledger's Kafka topic. */
    public static final String DISTRIBUTED = "ledger.kafka.consumer.enabled";
    /** The source of every read model's processor in distributed mode. */
    public static final String FEED_BEAN = "ledgerEventFeed";
    /** The source of every read model's processor in the embedded default. */
    public static final String EVENT_STREAM_BEAN = "ledgerEventStream";
    static final String PROPERTY_SOURCE = "ledger-read-model-processors";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean distributed = environment.getProperty(DISTRIBUTED, Boolean.class, false);
        Map<String, Object> properties = new LinkedHashMap<>();
        ProjectionStatuses.READ_MODELS.forEach(readModel -> settings(readModel, distributed).forEach(
                (setting, value) -> properties.put("axon.eventhandling.processors." + readModel + "." + setting,
                        value)));
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, properties));
    }

    /** The settings of one read model's processor: the same for every read model but for its sequencing. */
    static Map<String, String> settings(String readModel, boolean distributed) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("mode", distributed ? "subscribing" : "pooled");
        settings.put("source", distributed ? FEED_BEAN : EVENT_STREAM_BEAN);
        settings.put("batch-size", "100");
        settings.put("initial-segment-count", "1");
        settings.put("thread-count", "1");
        sequencingPolicy(readModel).ifPresent(policy -> settings.put("sequencing-policy", policy));
        settings.put("dlq.enabled", "true");
        settings.put("dlq.cache.enabled", "true");
        return settings;
    }

    /**
     * Which events a read model applies in one segment, in ledger order (the name of a policy bean of
     * {@link ProjectionsAutoConfiguration}); empty for Axon's default, one aggregate's events in order.
     */
    private static Optional<String> sequencingPolicy(String readModel) {
        return switch (readModel) {
            // All events one command caused (which may span sessions): the audit trail groups them by command.
            case AuditProjection.PROCESSING_GROUP -> Optional.of("commandSequencingPolicy");
            // One session's events (a session is an aggregate): every row of service analytics is one session's; in
            // bot quality a session's row and its answers' rows, and an article's versions (an article is one too).
            case ServiceAnalyticsProjection.PROCESSING_GROUP, BotQualityProjection.PROCESSING_GROUP -> Optional.empty();
            // One customer's events: a session, its continuation on another channel and the customer's erasure are
            // applied in the order they happened; the early warnings' streaks across sessions replay the same; the
            // privacy decisions and last activity per customer are sequenced like the read models they filter.
            default -> Optional.of("customerSequencingPolicy");
        };
    }
}

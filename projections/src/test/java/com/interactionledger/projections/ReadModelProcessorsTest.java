package com.interactionledger.projections;

import com.interactionledger.projections.status.ProjectionStatuses;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.EventProcessorProperties.ProcessorSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one definition of the read models' processors, as Axon's auto-configuration binds it
 * ({@code axon.eventhandling.processors.*} into {@link EventProcessorProperties}), under an application's own
 * settings. (query-side ReadModelProcessorsTest asks the running processors themselves.)
 */
class ReadModelProcessorsTest {

    @Test
    void everyReadModelGetsThePooledSettingsWithItsDeadLetterQueue() {
        Map<String, ProcessorSettings> processors = processors(Map.of());

        assertThat(processors.keySet()).containsExactlyInAnyOrderElementsOf(ProjectionStatuses.READ_MODELS);
        processors.forEach((readModel, settings) -> {
            assertThat(settings.getMode()).as(readModel).isEqualTo(EventProcessorProperties.Mode.POOLED);
            assertThat(settings.getSource()).as(readModel).isEqualTo("ledgerEventStream");
            assertThat(settings.getBatchSize()).as(readModel).isEqualTo(100);
            assertThat(settings.getInitialSegmentCount()).as(readModel).isEqualTo(1);
            assertThat(settings.getThreadCount()).as(readModel).isEqualTo(1);
            assertThat(settings.getDlq().isEnabled()).as(readModel).isTrue();
            assertThat(settings.getDlq().getCache().isEnabled()).as(readModel).isTrue();
        });
        assertThat(processors.get("timeline").getSequencingPolicy()).isEqualTo("customerSequencingPolicy");
        assertThat(processors.get("complaints").getSequencingPolicy()).isEqualTo("customerSequencingPolicy");
        assertThat(processors.get("risk-warnings").getSequencingPolicy()).isEqualTo("customerSequencingPolicy");
        assertThat(processors.get("privacy").getSequencingPolicy()).isEqualTo("customerSequencingPolicy");
        assertThat(processors.get("audit").getSequencingPolicy()).isEqualTo("commandSequencingPolicy");
        assertThat(processors.get("service-analytics").getSequencingPolicy()).isNull();
        assertThat(processors.get("bot-quality").getSequencingPolicy()).isNull();
    }

    @Test
    void anApplicationsSettingOfOneReadModelWinsAndItsOtherSettingsStay() {
        Map<String, ProcessorSettings> processors = processors(Map.of(
                "axon.eventhandling.processors.timeline.initial-segment-count", "4",
                "axon.eventhandling.processors.audit.batch-size", "250"));

        assertThat(processors.get("timeline").getInitialSegmentCount()).isEqualTo(4);
        assertThat(processors.get("timeline").getMode()).isEqualTo(EventProcessorProperties.Mode.POOLED);
        assertThat(processors.get("timeline").getBatchSize()).isEqualTo(100);
        assertThat(processors.get("timeline").getSequencingPolicy()).isEqualTo("customerSequencingPolicy");
        assertThat(processors.get("audit").getBatchSize()).isEqualTo(250);
        assertThat(processors.get("audit").getInitialSegmentCount()).isEqualTo(1);
        assertThat(processors.get("complaints").getInitialSegmentCount()).isEqualTo(1);
    }

    @Test
    void inDistributedModeEveryReadModelSubscribesToTheFeedWithTheSameSequencingAndDeadLetterQueue() {
        Map<String, ProcessorSettings> embedded = processors(Map.of());
        Map<String, ProcessorSettings> distributed = processors(Map.of(ReadModelProcessors.DISTRIBUTED, "true"));

        assertThat(distributed.keySet()).containsExactlyInAnyOrderElementsOf(ProjectionStatuses.READ_MODELS);
        distributed.forEach((readModel, settings) -> {
            assertThat(settings.getMode()).as(readModel).isEqualTo(EventProcessorProperties.Mode.SUBSCRIBING);
            assertThat(settings.getSource()).as(readModel).isEqualTo("ledgerEventFeed");
            assertThat(settings.getSequencingPolicy()).as(readModel)
                    .isEqualTo(embedded.get(readModel).getSequencingPolicy());
            assertThat(settings.getDlq().isEnabled()).as(readModel).isTrue();
            assertThat(settings.getDlq().getCache().isEnabled()).as(readModel).isTrue();
        });
    }

    /**
     * The processors' settings as Axon binds them, with {@code application} as the application's own configuration
     * (in place before the post-processor runs, as Spring Boot's config data is).
     */
    private static Map<String, ProcessorSettings> processors(Map<String, Object> application) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("application", application));
        new ReadModelProcessors().postProcessEnvironment(environment, null);
        return Binder.get(environment)
                .bind("axon.eventhandling", Bindable.of(EventProcessorProperties.class))
                .orElseThrow(() -> new AssertionError("no axon.eventhandling settings"))
                .getProcessors();
    }
}

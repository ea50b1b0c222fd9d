package com.interactionledger.query;

import com.interactionledger.projections.analytics.ServiceAnalyticsProjection;
import com.interactionledger.projections.botquality.BotQualityProjection;
import com.interactionledger.projections.audit.AuditProjection;
import com.interactionledger.projections.status.ProjectionStatuses;
import com.interactionledger.projections.support.WakingEventStream;
import com.interactionledger.projections.testsupport.PostgresDatabaseInitializer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ContextConfiguration;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The read models' processor settings, defined once (projections' ReadModelProcessors), are what every read model's
 * processor of a running query side has: asked of Axon's own configuration and processors, not of the properties.
 * (The same context as the other query-side tests without properties of their own, so it is started only once.)
 */
@SpringBootTest(classes = QuerySideTestApplication.class)
@ContextConfiguration(initializers = PostgresDatabaseInitializer.class)
class ReadModelProcessorsTest {

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    ApplicationContext context;

    /** So no read model can be left out of the one definition: it applies to the listed read models only. */
    @Test
    void everyEventProcessorOfTheQuerySideIsAListedReadModel() {
        assertThat(processing.eventProcessors().keySet())
                .containsExactlyInAnyOrderElementsOf(ProjectionStatuses.READ_MODELS);
    }

    @Test
    void everyReadModelIsAPooledProcessorOfTheWakingEventStreamWithBatchesOf100OneThreadAndOneSegment() {
        WakingEventStream stream = context.getBean("ledgerEventStream", WakingEventStream.class);
        for (String readModel : ProjectionStatuses.READ_MODELS) {
            EventProcessor processor = processing.eventProcessor(readModel).orElseThrow();
            assertThat(processor).as(readModel).isInstanceOf(PooledStreamingEventProcessor.class);
            assertThat(axonField(processor, "messageSource")).as(readModel).isSameAs(stream);
            assertThat(axonField(processor, "batchSize")).as(readModel).isEqualTo(100);
            assertThat(axonField(processor, "workerExecutor")).as(readModel)
                    .isInstanceOfSatisfying(ScheduledThreadPoolExecutor.class,
                            workers -> assertThat(workers.getCorePoolSize()).isEqualTo(1));
            // The database is this context's own: the processor made its segments when it first started.
            await().atMost(Duration.ofSeconds(30)).until(() -> segments(readModel).length > 0);
            assertThat(segments(readModel)).as(readModel).hasSize(1);
        }
    }

    @Test
    void everyReadModelButAuditServiceAnalyticsAndBotQualityIsSequencedPerCustomer() {
        Object perCustomer = context.getBean("customerSequencingPolicy");
        Object perCommand = context.getBean("commandSequencingPolicy");
        for (String readModel : ProjectionStatuses.READ_MODELS) {
            Object policy = processing.sequencingPolicy(readModel);
            switch (readModel) {
                case AuditProjection.PROCESSING_GROUP -> assertThat(policy).as(readModel).isSameAs(perCommand);
                case ServiceAnalyticsProjection.PROCESSING_GROUP, BotQualityProjection.PROCESSING_GROUP ->
                        assertThat(policy).as(readModel).isInstanceOf(SequentialPerAggregatePolicy.class);
                default -> assertThat(policy).as(readModel).isSameAs(perCustomer);
            }
        }
    }

    @Test
    void everyReadModelParksFailingEventsInTheJdbcDeadLetterQueueAndCachesWhichSequencesAreParked() {
        for (String readModel : ProjectionStatuses.READ_MODELS) {
            assertThat(processing.deadLetterQueue(readModel)).as(readModel).get()
                    .isInstanceOf(JdbcSequencedDeadLetterQueue.class);
            EventHandlerInvoker invoker = ((AbstractEventProcessor) processing.eventProcessor(readModel).orElseThrow())
                    .eventHandlerInvoker();
            List<EventHandlerInvoker> handlers = ((MultiEventHandlerInvoker) invoker).delegates();
            assertThat(handlers).as(readModel).isNotEmpty().allSatisfy(handler -> {
                assertThat(handler).isInstanceOf(DeadLetteringEventHandlerInvoker.class);
                assertThat(axonField(handler, "sequenceIdentifierCacheEnabled")).isEqualTo(true);
            });
        }
    }

    private int[] segments(String readModel) {
        return processing.transactionManager(readModel)
                .fetchInTransaction(() -> processing.tokenStore(readModel).fetchSegments(readModel));
    }

    /**
     * A setting Axon keeps without a getter, read from its field (declared by the object's class or a superclass);
     * a renamed field fails the test rather than passing it.
     */
    private static Object axonField(Object target, String name) {
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(target);
            } catch (NoSuchFieldException e) {
                // declared further up
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError(target.getClass().getName() + " has no field " + name);
    }
}

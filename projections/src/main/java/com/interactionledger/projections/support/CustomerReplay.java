package com.interactionledger.projections.support;

import com.interactionledger.contracts.privacy.CustomerErased;
import com.interactionledger.projections.history.HistoryEvent;
import com.interactionledger.projections.history.LedgerEvents;
import com.interactionledger.projections.history.LedgerHistory;
import org.axonframework.config.Configuration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Recomputes one customer's rows of a read model from the ledger: forgets them ({@link CustomerRows}) and applies the
 * customer's events again through the read model's own event handlers, in the caller's transaction. Used by the
 * operators' per-customer rebuild and by the read models themselves when a customer is erased: their personal
 * fields then read as erased, so the rows come out exactly as a replay from scratch would make them.
 * <p>
 * Handlers and row owners are looked up when needed, not injected: the read models that call this are among them.
 */
@Component
public class CustomerReplay {

    private final JdbcTemplate jdbc;
    private final ApplicationContext context;
    private final LedgerEvents events;

    public CustomerReplay(JdbcTemplate jdbc, ApplicationContext context,
                          @Qualifier("eventSerializer") Serializer eventSerializer) {
        this.jdbc = jdbc;
        this.context = context;
        this.events = new LedgerEvents(eventSerializer);
    }

    /**
     * A read model's handler of {@link CustomerErased}: the customer's rows are made again from the events before the
     * erasure, whose personal fields now read as erased, so they hold no plaintext and come out exactly as a replay
     * from scratch (after the erasure) makes them.
     *
     * @param readModel the read model's processing group
     * @param erasure   the erasure the handler is applying
     * @param token     the erasure's position in the ledger
     */
    public void replayErased(String readModel, CustomerErased erasure, TrackingToken token) {
        replay(readModel, erasure.customerId().value(), token.position().orElseThrow());
    }

    /**
     * @param readModel      the read model's processing group
     * @param customerId     the customer
     * @param beforePosition apply only the events before this global position (null: all of them)
     * @return how many events were applied
     */
    public long replay(String readModel, String customerId, Long beforePosition) {
        CustomerRows rows = context.getBeansOfType(CustomerRows.class).values().stream()
                .filter(candidate -> candidate.readModel().equals(readModel)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(readModel + " has no per-customer rows"));
        List<AnnotationEventHandlerAdapter> handlers = handlers(readModel);
        List<HistoryEvent> history = new ArrayList<>();
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            LedgerHistory.read(connection, customerId, null, event -> {
                if (beforePosition == null || event.position() < beforePosition) {
                    history.add(event);
                }
            });
            return null;
        });
        rows.forget(customerId, history.stream().map(HistoryEvent::stream)
                .collect(Collectors.toCollection(LinkedHashSet::new)));
        history.forEach(event -> apply(handlers, events.message(event)));
        return history.size();
    }

    /** The read model's event handlers, as its processor invokes them (same parameter resolution, same enhancers). */
    private List<AnnotationEventHandlerAdapter> handlers(String readModel) {
        Configuration axon = context.getBean(Configuration.class);
        List<AnnotationEventHandlerAdapter> adapters = new ArrayList<>();
        context.getBeansWithAnnotation(ProcessingGroup.class).values().forEach(bean -> {
            Class<?> type = AopUtils.getTargetClass(bean);
            ProcessingGroup group = AnnotationUtils.findAnnotation(type, ProcessingGroup.class);
            if (group != null && group.value().equals(readModel)) {
                adapters.add(new AnnotationEventHandlerAdapter(bean, axon.parameterResolverFactory(),
                        axon.handlerDefinition(type)));
            }
        });
        return adapters;
    }

    private static void apply(List<AnnotationEventHandlerAdapter> handlers, EventMessage<?> message) {
        for (AnnotationEventHandlerAdapter handler : handlers) {
            if (handler.canHandle(message)) {
                ResultMessage<?> result = DefaultUnitOfWork.startAndGet(message)
                        .executeWithResult(() -> handler.handle(message));
                if (result.isExceptional()) {
                    throw new IllegalStateException("the event at position " + ((TrackedEventMessage<?>) message)
                            .trackingToken().position().orElse(-1) + " failed: "
                            + result.exceptionResult().getMessage(), result.exceptionResult());
                }
            }
        }
    }
}

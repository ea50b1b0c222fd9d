package com.interactionledger.command.ledger;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The events appended within one (root) unit of work, kept as a resource of that unit of work. */
public final class AppendedEvents {

    private static final String RESOURCE = AppendedEvents.class.getName();

    private AppendedEvents() {
    }

    static void record(UnitOfWork<?> unitOfWork, List<? extends EventMessage<?>> events,
                       Map<String, Long> positions) {
        List<AppendedEvent> appended = unitOfWork.root().getOrComputeResource(RESOURCE, key -> new ArrayList<>());
        for (EventMessage<?> event : events) {
            DomainEventMessage<?> domainEvent = (DomainEventMessage<?>) event;
            appended.add(new AppendedEvent(event.getIdentifier(), event.getPayloadType().getSimpleName(),
                    domainEvent.getAggregateIdentifier(), domainEvent.getSequenceNumber(),
                    positions.get(event.getIdentifier())));
        }
    }

    /** What has been appended so far in this unit of work (empty before the events are stored). */
    public static List<AppendedEvent> in(UnitOfWork<?> unitOfWork) {
        List<AppendedEvent> appended = unitOfWork.root().getResource(RESOURCE);
        return appended == null ? List.of() : List.copyOf(appended);
    }
}

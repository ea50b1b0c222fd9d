package com.interactionledger.ledger.append;

import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.List;

/** The events appended within one (root) unit of work, kept as a resource of that unit of work. */
public final class AppendedEvents {

    private static final String RESOURCE = AppendedEvents.class.getName();

    private AppendedEvents() {
    }

    static void record(UnitOfWork<?> unitOfWork, List<AppendedEvent> events) {
        List<AppendedEvent> appended = unitOfWork.root().getOrComputeResource(RESOURCE, key -> new ArrayList<>());
        appended.addAll(events);
    }

    /** What has been appended so far in this unit of work (empty before the events are stored). */
    public static List<AppendedEvent> in(UnitOfWork<?> unitOfWork) {
        List<AppendedEvent> appended = unitOfWork.root().getResource(RESOURCE);
        return appended == null ? List.of() : List.copyOf(appended);
    }
}

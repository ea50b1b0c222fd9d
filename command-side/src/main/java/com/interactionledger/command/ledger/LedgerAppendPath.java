package com.interactionledger.command.ledger;

import com.interactionledger.contracts.common.CustomerScoped;
import com.interactionledger.contracts.common.LedgerMetadata;
import com.interactionledger.contracts.complaint.ComplaintEvent;
import com.interactionledger.contracts.dialogue.DialogueEvent;
import com.interactionledger.contracts.ledger.StoredEvent;
import com.interactionledger.contracts.privacy.CustomerErased;
import com.interactionledger.contracts.privacy.CustomerErasedException;
import com.interactionledger.contracts.privacy.CustomerKeys;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The one place where events enter the ledger: every append from every command goes through
 * {@link #appendEvents(List)}, knowing nothing else writes to the event table.
 * <p>
 * It enforces that every event belongs to a customer and stamps that customer into the metadata; it links every
 * event into the hash chain ({@link LedgerChain}) in the event's own transaction, under the chain's head lock, so
 * an event is never stored without its link; it puts the event in its customer's index ({@link CustomerIndex});
 * and it tells the current unit of work what it appended and at which
 * global positions, so the command's answer (and the audit trail) can name exactly the events stored. Reads pass
 * straight through to the JDBC engine.
 * <p>
 * Personal data is sealed by the event serializer ({@code PersonalDataSerializer}) while the engine stores the
 * events, inside the head lock and the transaction. Here the customer's key is destroyed in the transaction that
 * stores their {@link CustomerErased}, and nothing more about an erased customer's sessions or complaints is stored.
 */
public class LedgerAppendPath implements EventStorageEngine {

    private final EventStorageEngine store;
    private final LedgerChain chain;
    private final CustomerIndex customers;
    private final CustomerKeys keys;

    public LedgerAppendPath(EventStorageEngine store, LedgerChain chain, CustomerIndex customers, CustomerKeys keys) {
        this.store = store;
        this.chain = chain;
        this.customers = customers;
        this.keys = keys;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        if (events.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            // Without a transaction the head lock would be released at once and two appends could link to the
            // same predecessor.
            throw new IllegalStateException("events are appended inside a transaction, never outside one");
        }
        List<? extends EventMessage<?>> stamped = events.stream().map(LedgerAppendPath::stampCustomer).toList();
        LedgerChain.Head head = chain.lockHead();
        // Under the head lock, which the erasure's own append takes too: no interaction slips in after it.
        refuseInteractionsOfErasedCustomers(stamped);
        store.appendEvents(stamped);
        List<StoredEvent> stored = chain.stored(stamped.stream().map(EventMessage::getIdentifier).toList());
        chain.link(head, stored);
        customers.index(stored);
        stamped.stream().map(EventMessage::getPayload).filter(CustomerErased.class::isInstance)
                .map(CustomerErased.class::cast)
                .forEach(erased -> keys.destroy(erased.customerId().value(), erased.occurredAt()));
        if (CurrentUnitOfWork.isStarted()) {
            Map<String, Long> positions = new HashMap<>();
            stored.forEach(event -> positions.put(event.eventIdentifier(), event.globalIndex()));
            AppendedEvents.record(CurrentUnitOfWork.get(), stamped, positions);
        }
    }

    /**
     * A session or complaint of an erased customer gets no new events, personal or not (the serializer would refuse
     * the personal ones anyway): their history ends with the erasure. Refusals and read records still name them.
     */
    private void refuseInteractionsOfErasedCustomers(List<? extends EventMessage<?>> events) {
        events.stream().map(EventMessage::getPayload)
                .filter(payload -> payload instanceof DialogueEvent || payload instanceof ComplaintEvent)
                .map(payload -> ((CustomerScoped) payload).customerId().value())
                .distinct()
                .filter(keys::isErased)
                .findFirst()
                .ifPresent(customerId -> {
                    throw new CustomerErasedException(customerId);
                });
    }

    private static EventMessage<?> stampCustomer(EventMessage<?> event) {
        if (!(event.getPayload() instanceof CustomerScoped scoped)) {
            // Crypto-shredding, per-customer replay and Kafka partitioning all rely on this; fail loudly.
            throw new IllegalStateException("Refusing to append " + event.getPayloadType().getName()
                    + ": every ledger event must say which customer it belongs to (implement CustomerScoped)");
        }
        // Only the refusal of a command that named no known customer has none.
        return scoped.customerId() == null ? event
                : event.andMetaData(Map.of(LedgerMetadata.CUSTOMER_ID, scoped.customerId().value()));
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        store.storeSnapshot(snapshot);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return store.readEvents(trackingToken, mayBlock);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return store.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return store.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return store.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }
}

package com.interactionledger.ledger.append;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.common.CustomerScoped;
import com.interactionledger.contracts.common.LedgerMetadata;
import com.interactionledger.contracts.complaint.ComplaintEvent;
import com.interactionledger.contracts.dialogue.DialogueEvent;
import com.interactionledger.ledger.stored.StoredEvent;
import com.interactionledger.ledger.sealing.PersonalDataSerializer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The one place where events enter the ledger: every append from every command (and every read record and refusal)
 * goes through {@link #appendEvents(List)}, knowing nothing else writes to the event table.
 * <p>
 * It enforces that every event belongs to a customer and stamps that customer into the metadata; it makes each
 * event ready to be stored — serialised, its personal fields sealed with its customer's key, the link its stream
 * continues from looked up — on the appending thread, before any lock; then it hands the events to the
 * {@link GroupCommit}, which stores them with the appends that arrived at the same time in one transaction under the
 * chain's head lock (recorded time, positions, digests and links, customer index, the command's receipt) and returns
 * their positions once committed. It tells the
 * current unit of work what it appended and at which global positions, so the command's answer (and the audit
 * trail) can name exactly the events stored. Reads pass straight through to the JDBC engine.
 * <p>
 * The append runs in no transaction of the caller's: a command's events are committed by the time this returns,
 * whatever the caller does next (Axon calls it in the unit of work's prepare-commit phase; the command bus runs
 * without a database transaction).
 */
public class LedgerAppendPath implements EventStorageEngine {

    private final EventStorageEngine store;
    private final Serializer eventSerializer;
    private final StreamHeads streams;
    private final GroupCommit commits;

    LedgerAppendPath(EventStorageEngine store, Serializer eventSerializer, StreamHeads streams, GroupCommit commits) {
        this.store = store;
        this.eventSerializer = eventSerializer;
        this.streams = streams;
        this.commits = commits;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        if (events.isEmpty()) {
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get() : null;
        CommandReceipt receipt = unitOfWork == null ? null : CommandReceipt.takeFrom(unitOfWork);
        List<AppendedEvent> appended = commits.append(prepare(events), receipt);
        if (unitOfWork != null) {
            AppendedEvents.record(unitOfWork, appended);
        }
    }

    private List<PreparedEvent> prepare(List<? extends EventMessage<?>> events) {
        List<PreparedEvent> prepared = new ArrayList<>(events.size());
        Set<String> streamsSeen = new HashSet<>();
        for (EventMessage<?> event : events) {
            DomainEventMessage<?> stamped = EventUtils.asDomainEventMessage(stampCustomer(event));
            SerializedObject<byte[]> payload = stamped.serializePayload(eventSerializer, byte[].class);
            SerializedObject<byte[]> metaData = stamped.serializeMetaData(eventSerializer, byte[].class);
            // Position and recorded time are given under the head lock.
            StoredEvent row = new StoredEvent(0, stamped.getAggregateIdentifier(), stamped.getSequenceNumber(),
                    stamped.getType(), stamped.getIdentifier(), metaData.getData(), payload.getData(),
                    payload.getType().getRevision(), payload.getType().getName(), null);
            String stream = row.aggregateIdentifier();
            String previousStreamHash = streamsSeen.add(stream) ? streams.previous(stream, row.sequenceNumber()) : null;
            Object content = stamped.getPayload();
            CustomerId customer = ((CustomerScoped) content).customerId();
            // A session or complaint of an erased customer gets no new events, personal or not, and no personal
            // data of theirs is sealed again: their history ends with the erasure. Refusals and read records still
            // name them.
            boolean needsLiveCustomer = content instanceof DialogueEvent || content instanceof ComplaintEvent
                    || PersonalDataSerializer.seals(content);
            prepared.add(new PreparedEvent(stamped, row, previousStreamHash,
                    customer == null ? null : customer.value(), needsLiveCustomer));
        }
        return prepared;
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

package com.interactionledger.query;

import com.interactionledger.contracts.common.LedgerMetadata;
import com.interactionledger.contracts.common.CustomerScoped;
import com.interactionledger.contracts.complaint.ComplaintEvent;
import com.interactionledger.contracts.dialogue.DialogueEvent;
import com.interactionledger.contracts.knowledge.KnowledgeEvent;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;

import java.util.HashMap;
import java.util.Map;

/**
 * Appends hand-written dialogue, complaint and knowledge-article events to the real event store, with the metadata the
 * command side would give them, so projection tests feed exactly the facts they reason about.
 */
public final class LedgerEvents {

    private final EventStore store;
    private final Map<String, Long> nextSequence = new HashMap<>();

    public LedgerEvents(EventStore store) {
        this.store = store;
    }

    public LedgerEvents append(String actorRole, String actorId, CustomerScoped... events) {
        for (CustomerScoped event : events) {
            String aggregate;
            String type;
            if (event instanceof DialogueEvent dialogue) {
                aggregate = dialogue.sessionId().value();
                type = "InteractionSession";
            } else if (event instanceof KnowledgeEvent article) {
                aggregate = article.articleId().value();
                type = "KnowledgeArticle";
            } else {
                aggregate = ((ComplaintEvent) event).complaintId().value();
                type = "Complaint";
            }
            long sequence = nextSequence.merge(aggregate, 1L, Long::sum) - 1;
            Map<String, Object> metaData = new HashMap<>(Map.of(
                    LedgerMetadata.ACTOR_ID, actorId,
                    LedgerMetadata.ACTOR_ROLE, actorRole,
                    LedgerMetadata.CHANNEL, LedgerMetadata.CHANNEL_API,
                    LedgerMetadata.CORRELATION_ID, "test-" + aggregate));
            if (event.customerId() != null) {
                // an article's events belong to no customer
                metaData.put(LedgerMetadata.CUSTOMER_ID, event.customerId().value());
            }
            store.publish(new GenericDomainEventMessage<>(type, aggregate, sequence, event, MetaData.from(metaData)));
        }
        return this;
    }
}

package com.interactionledger.projections.analytics;

import com.interactionledger.contracts.dialogue.DialogueEvent;
import com.interactionledger.contracts.dialogue.SessionStarted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps, per session, the facts the satisfaction and service-efficiency figures are computed from
 * ({@link SessionFacts}). Idempotent (a row remembers the last event applied) and free of personal data.
 */
@Component
@ProcessingGroup(ServiceAnalyticsProjection.PROCESSING_GROUP)
public class ServiceAnalyticsProjection {

    public static final String PROCESSING_GROUP = "service-analytics";

    private final ServiceAnalyticsTables tables;

    public ServiceAnalyticsProjection(ServiceAnalyticsTables tables) {
        this.tables = tables;
    }

    @EventHandler
    void on(DialogueEvent event, DomainEventMessage<?> message) {
        long sequence = message.getSequenceNumber();
        if (event instanceof SessionStarted started) {
            tables.insert(SessionFacts.start(started, sequence));
            return;
        }
        SessionFacts facts = tables.load(event.sessionId().value()).orElseThrow(() -> new IllegalStateException(
                "event " + message.getIdentifier() + " for unknown session " + event.sessionId()));
        if (facts.version >= sequence) {
            return;
        }
        facts.apply(event);
        facts.version = sequence;
        tables.update(facts);
    }

    /** Clears only this read model's table; the processor then replays every event into it. */
    @ResetHandler
    void reset() {
        tables.clear();
    }
}

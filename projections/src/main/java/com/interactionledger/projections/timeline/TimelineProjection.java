package com.interactionledger.projections.timeline;

import com.interactionledger.contracts.dialogue.AgentAssigned;
import com.interactionledger.contracts.dialogue.DialogueEvent;
import com.interactionledger.contracts.dialogue.HandoffRequested;
import com.interactionledger.contracts.dialogue.IntentRecorded;
import com.interactionledger.contracts.dialogue.MessageRecorded;
import com.interactionledger.contracts.dialogue.SentimentRecorded;
import com.interactionledger.contracts.dialogue.SessionContinuedElsewhere;
import com.interactionledger.contracts.dialogue.SessionResolved;
import com.interactionledger.contracts.dialogue.SessionStarted;
import com.interactionledger.contracts.dialogue.SessionState;
import com.interactionledger.contracts.dialogue.SessionTransferred;
import com.interactionledger.contracts.dialogue.SurveyResponseRecorded;
import com.interactionledger.projections.support.CustomerReplay;
import com.interactionledger.projections.support.ErasureReplayingProjection;
import com.interactionledger.projections.support.VersionedRows;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the agent timeline: each session's current standing and every entry of its dialogue. Idempotent: a
 * session row remembers the sequence number of the last event applied, so redelivered or replayed events change
 * nothing. Deterministic: every value written comes from the event and its metadata, never from a clock. A batch
 * of events reads its sessions' rows once and writes them back once ({@link TimelineTables}).
 */
@Component
@ProcessingGroup(TimelineProjection.PROCESSING_GROUP)
public class TimelineProjection extends ErasureReplayingProjection<TimelineTables> {

    public static final String PROCESSING_GROUP = "timeline";

    public TimelineProjection(TimelineTables tables, CustomerReplay replay) {
        super(tables, replay);
    }

    @EventHandler
    void on(DialogueEvent event, DomainEventMessage<?> message, TrackingToken token) {
        long sequence = message.getSequenceNumber();
        if (event instanceof SessionStarted started) {
            tables.insertSession(started, sequence);
        } else {
            Map<String, Object> row = tables.session(event.sessionId().value())
                    .orElseThrow(() -> new IllegalStateException(
                            "event " + message.getIdentifier() + " for unknown session " + event.sessionId()));
            if (VersionedRows.version(row) >= sequence) {
                return;
            }
            SessionState before = SessionState.valueOf((String) row.get("state"));
            SessionState after = before.after(event);
            Map<String, Object> changes = sessionChanges(event);
            changes.put("state", after.name());
            if (before.isOpen() && !after.isOpen()) {
                changes.put("ended_at", event.occurredAt());
            }
            tables.updateSession(row, sequence, changes);
        }
        tables.insertEntry(TimelineEntries.describe(event, message, VersionedRows.position(token)));
    }

    /** The columns of the session row an event changes, besides its state and version. */
    private static Map<String, Object> sessionChanges(DialogueEvent event) {
        Map<String, Object> changes = new LinkedHashMap<>();
        if (event instanceof SessionContinuedElsewhere continued) {
            changes.put("continued_to", continued.nextSessionId().value());
        } else if (event instanceof MessageRecorded) {
            changes.put("message_count", VersionedRows.INCREMENT);
        } else if (event instanceof IntentRecorded intent) {
            changes.put("last_intent", intent.label());
        } else if (event instanceof SentimentRecorded sentiment) {
            changes.put("last_sentiment", sentiment.score());
        } else if (event instanceof HandoffRequested handoff) {
            changes.put("queue", handoff.queue());
            changes.put("handoff_context", handoff.contextSummary());
        } else if (event instanceof AgentAssigned assigned) {
            changes.put("agent_id", assigned.agentId().value());
        } else if (event instanceof SessionTransferred transferred) {
            changes.put("agent_id", transferred.toAgentId() == null ? null : transferred.toAgentId().value());
            if (transferred.toQueue() != null) {
                changes.put("queue", transferred.toQueue());
            }
        } else if (event instanceof SessionResolved resolved) {
            changes.put("resolution_code", resolved.resolutionCode());
            changes.put("first_contact_resolution", resolved.firstContactResolution());
        } else if (event instanceof SurveyResponseRecorded survey) {
            changes.put("csat", survey.csat());
            changes.put("nps", survey.nps());
        }
        return changes;
    }
}

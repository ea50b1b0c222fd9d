package com.interactionledger.projections.timeline;

import com.interactionledger.contracts.common.LedgerMetadata;
import com.interactionledger.contracts.dialogue.AgentAssigned;
import com.interactionledger.contracts.dialogue.AnswerBasisRecorded;
import com.interactionledger.contracts.dialogue.BotAnswerCorrected;
import com.interactionledger.contracts.dialogue.DialogueEvent;
import com.interactionledger.contracts.dialogue.HandoffRequested;
import com.interactionledger.contracts.dialogue.IntentRecorded;
import com.interactionledger.contracts.dialogue.MessageRecorded;
import com.interactionledger.contracts.dialogue.ProductIdentified;
import com.interactionledger.contracts.dialogue.SentimentRecorded;
import com.interactionledger.contracts.dialogue.SessionAbandoned;
import com.interactionledger.contracts.dialogue.SessionClosed;
import com.interactionledger.contracts.dialogue.SessionContinuedElsewhere;
import com.interactionledger.contracts.dialogue.SessionPutOnHold;
import com.interactionledger.contracts.dialogue.SessionResolved;
import com.interactionledger.contracts.dialogue.SessionResumed;
import com.interactionledger.contracts.dialogue.SessionStarted;
import com.interactionledger.contracts.dialogue.SessionTransferred;
import com.interactionledger.contracts.dialogue.SurveyResponseRecorded;
import com.interactionledger.contracts.timeline.TimelineEntryKind;
import org.axonframework.eventhandling.DomainEventMessage;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a dialogue event into a timeline entry: its kind, who acted, its text and the rest of its fields. The
 * actor of a message is its author; the actor of any other step is whoever issued the command (event metadata).
 */
final class TimelineEntries {

    /**
     * The event type of each kind of entry: the details of an entry hold the fields of its event, and those marked
     * personal are sealed in them and opened by that type ({@link TimelineTables}).
     */
    private static final Map<TimelineEntryKind, Class<? extends DialogueEvent>> TYPES =
            new EnumMap<>(Map.ofEntries(
                    Map.entry(TimelineEntryKind.SESSION_STARTED, SessionStarted.class),
                    Map.entry(TimelineEntryKind.CONTINUED_ELSEWHERE, SessionContinuedElsewhere.class),
                    Map.entry(TimelineEntryKind.MESSAGE, MessageRecorded.class),
                    Map.entry(TimelineEntryKind.INTENT, IntentRecorded.class),
                    Map.entry(TimelineEntryKind.SENTIMENT, SentimentRecorded.class),
                    Map.entry(TimelineEntryKind.HANDOFF, HandoffRequested.class),
                    Map.entry(TimelineEntryKind.AGENT_ASSIGNED, AgentAssigned.class),
                    Map.entry(TimelineEntryKind.TRANSFERRED, SessionTransferred.class),
                    Map.entry(TimelineEntryKind.ON_HOLD, SessionPutOnHold.class),
                    Map.entry(TimelineEntryKind.RESUMED, SessionResumed.class),
                    Map.entry(TimelineEntryKind.RESOLVED, SessionResolved.class),
                    Map.entry(TimelineEntryKind.ABANDONED, SessionAbandoned.class),
                    Map.entry(TimelineEntryKind.CLOSED, SessionClosed.class),
                    Map.entry(TimelineEntryKind.SURVEY, SurveyResponseRecorded.class),
                    Map.entry(TimelineEntryKind.ANSWER_BASIS, AnswerBasisRecorded.class),
                    Map.entry(TimelineEntryKind.ANSWER_CORRECTED, BotAnswerCorrected.class),
                    Map.entry(TimelineEntryKind.PRODUCT_IDENTIFIED, ProductIdentified.class)));

    private TimelineEntries() {
    }

    /**
     * @param content the event's free text, always personal (a message, a context summary, a note, a comment)
     * @param details the event's other fields, by their names in the event
     */
    record Entry(String sessionId, String customerId, long sequence, long position, String eventId,
                 Instant occurredAt, TimelineEntryKind kind, String actorRole, String actorId, String content,
                 Map<String, Object> details) {
    }

    /** The event type whose entries are of this kind. */
    static Class<? extends DialogueEvent> typeOf(TimelineEntryKind kind) {
        return TYPES.get(kind);
    }

    static Entry describe(DialogueEvent event, DomainEventMessage<?> message, long position) {
        String actorRole = (String) message.getMetaData().get(LedgerMetadata.ACTOR_ROLE);
        String actorId = (String) message.getMetaData().get(LedgerMetadata.ACTOR_ID);
        Map<String, Object> details = new LinkedHashMap<>();
        TimelineEntryKind kind;
        String content = null;
        if (event instanceof SessionStarted e) {
            kind = TimelineEntryKind.SESSION_STARTED;
            details.put("channel", e.channel());
            details.put("socialNetwork", e.socialNetwork());
            details.put("entryPoint", e.entryPoint());
            details.put("queue", e.queue());
            details.put("continuedFrom", e.continuedFrom());
            details.put("continuedFromChannel", e.continuedFromChannel());
            content = e.contextSummary();
        } else if (event instanceof SessionContinuedElsewhere e) {
            kind = TimelineEntryKind.CONTINUED_ELSEWHERE;
            details.put("nextSessionId", e.nextSessionId());
            details.put("nextChannel", e.nextChannel());
            content = e.contextSummary();
        } else if (event instanceof MessageRecorded e) {
            kind = TimelineEntryKind.MESSAGE;
            actorRole = e.authorRole().name();
            actorId = e.authorId();
            details.put("messageId", e.messageId());
            details.put("language", e.language());
            details.put("region", e.region());
            details.put("attachments", e.attachments());
            content = e.text();
        } else if (event instanceof IntentRecorded e) {
            kind = TimelineEntryKind.INTENT;
            details.put("messageId", e.messageId());
            details.put("label", e.label());
            details.put("confidence", e.confidence());
            details.put("classifier", e.classifier());
        } else if (event instanceof SentimentRecorded e) {
            kind = TimelineEntryKind.SENTIMENT;
            details.put("messageId", e.messageId());
            details.put("score", e.score());
            details.put("model", e.model());
        } else if (event instanceof HandoffRequested e) {
            kind = TimelineEntryKind.HANDOFF;
            details.put("queue", e.queue());
            details.put("reason", e.reason());
            details.put("lastIntent", e.lastIntent());
            details.put("lastSentimentScore", e.lastSentimentScore());
            details.put("messageCount", e.messageCount());
            content = e.contextSummary();
        } else if (event instanceof AgentAssigned e) {
            kind = TimelineEntryKind.AGENT_ASSIGNED;
            details.put("agentId", e.agentId());
            details.put("queue", e.queue());
        } else if (event instanceof SessionTransferred e) {
            kind = TimelineEntryKind.TRANSFERRED;
            details.put("fromAgentId", e.fromAgentId());
            details.put("toAgentId", e.toAgentId());
            details.put("toQueue", e.toQueue());
            details.put("mode", e.mode());
            details.put("reason", e.reason());
            content = e.note();
        } else if (event instanceof SessionPutOnHold e) {
            kind = TimelineEntryKind.ON_HOLD;
            details.put("agentId", e.agentId());
            details.put("reason", e.reason());
        } else if (event instanceof SessionResumed e) {
            kind = TimelineEntryKind.RESUMED;
            details.put("agentId", e.agentId());
        } else if (event instanceof SessionResolved e) {
            kind = TimelineEntryKind.RESOLVED;
            details.put("resolutionCode", e.resolutionCode());
            details.put("firstContactResolution", e.firstContactResolution());
            details.put("resolvedByRole", e.resolvedByRole());
            details.put("resolvedByAgentId", e.resolvedByAgentId());
        } else if (event instanceof SessionAbandoned e) {
            kind = TimelineEntryKind.ABANDONED;
            details.put("reason", e.reason());
        } else if (event instanceof SessionClosed) {
            kind = TimelineEntryKind.CLOSED;
        } else if (event instanceof SurveyResponseRecorded e) {
            kind = TimelineEntryKind.SURVEY;
            details.put("csat", e.csat());
            details.put("nps", e.nps());
            content = e.comment();
        } else if (event instanceof AnswerBasisRecorded e) {
            // the quoted utterance in the basis is personal: sealed in the details like every personal field
            kind = TimelineEntryKind.ANSWER_BASIS;
            details.put("messageId", e.messageId());
            details.put("basis", e.basis());
        } else if (event instanceof BotAnswerCorrected e) {
            kind = TimelineEntryKind.ANSWER_CORRECTED;
            details.put("answerId", e.answerId());
            details.put("correctedBy", e.correctedBy());
            details.put("inSessionId", e.inSessionId());
            details.put("correctionMessageId", e.correctionMessageId());
            details.put("reason", e.reason());
        } else if (event instanceof ProductIdentified e) {
            kind = TimelineEntryKind.PRODUCT_IDENTIFIED;
            details.put("product", e.product());
            details.put("subProduct", e.subProduct());
            details.put("source", e.source());
            details.put("identifiedBy", e.identifiedBy());
            details.put("confidence", e.confidence());
        } else {
            throw new IllegalArgumentException("no timeline entry for " + event.getClass().getName());
        }
        if (TYPES.get(kind) != event.getClass()) {
            // The details' personal fields are opened by the kind's type: the two must never disagree.
            throw new IllegalStateException("entries of kind " + kind + " are made from " + TYPES.get(kind)
                    + ", not " + event.getClass().getName());
        }
        return new Entry(event.sessionId().value(), event.customerId().value(), message.getSequenceNumber(), position,
                message.getIdentifier(), event.occurredAt(), kind, actorRole, actorId, content, details);
    }
}

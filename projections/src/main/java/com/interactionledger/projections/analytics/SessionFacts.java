package com.interactionledger.projections.analytics;

import com.interactionledger.contracts.analytics.JourneySegment;
import com.interactionledger.contracts.common.ParticipantRole;
import com.interactionledger.contracts.dialogue.AgentAssigned;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.contracts.dialogue.DialogueEvent;
import com.interactionledger.contracts.dialogue.HandoffRequested;
import com.interactionledger.contracts.dialogue.IntentRecorded;
import com.interactionledger.contracts.dialogue.MessageRecorded;
import com.interactionledger.contracts.dialogue.ProductIdentified;
import com.interactionledger.contracts.dialogue.SessionAbandoned;
import com.interactionledger.contracts.dialogue.SessionClosed;
import com.interactionledger.contracts.dialogue.SessionContinuedElsewhere;
import com.interactionledger.contracts.dialogue.SessionResolved;
import com.interactionledger.contracts.dialogue.SessionStarted;
import com.interactionledger.contracts.dialogue.SessionTransferred;
import com.interactionledger.contracts.dialogue.SurveyResponseRecorded;

import com.interactionledger.projections.support.VersionedRows;

import java.time.Duration;
import java.time.Instant;

/**
 * The facts of one session that the satisfaction and service-efficiency figures need, and how each event changes
 * them. All times are the events' valid times ({@code occurredAt}), so figures do not depend on when the ledger
 * recorded or replayed anything.
 */
final class SessionFacts {

    /** How the session ended, if it has. */
    enum Outcome { OPEN, RESOLVED, ABANDONED, CONTINUED }

    String sessionId;
    /** Only to leave restricted customers out of the figures; never part of an answer. */
    String customerId;
    Channel channel;
    Instant startedAt;
    boolean startedInQueue;
    boolean continuedFromOther;
    String firstQueue;
    String firstIntent;
    Instant firstCustomerMessageAt;
    Instant firstReplyAt;
    Instant handoffAt;
    Instant firstAgentReplyAfterHandoffAt;
    Instant firstAssignedAt;
    String currentAgent;
    String handlingAgent;
    Instant queueEnteredAt;
    long queueMillis;
    int transfers;
    /** Messages by who wrote them (supervisors and the system are in none of the three). */
    int customerMessages;
    int agentMessages;
    int botMessages;
    Outcome outcome = Outcome.OPEN;
    ParticipantRole resolvedBy;
    Boolean firstContactResolution;
    Instant endedAt;
    boolean continuedElsewhere;
    Instant closedAt;
    Integer csat;
    Integer nps;
    /** What the session was about: the last product identified in it (null: none yet). */
    String product;
    long version;

    static SessionFacts start(SessionStarted started, long version) {
        SessionFacts facts = new SessionFacts();
        facts.sessionId = started.sessionId().value();
        facts.customerId = started.customerId().value();
        facts.channel = started.channel();
        facts.startedAt = VersionedRows.stored(started.occurredAt());
        facts.startedInQueue = started.queue() != null;
        facts.continuedFromOther = started.continuedFrom() != null;
        facts.firstQueue = started.queue();
        facts.queueEnteredAt = started.queue() == null ? null : facts.startedAt;
        facts.version = version;
        return facts;
    }

    void apply(DialogueEvent event) {
        // at the precision of the row, whether the facts were read back from it or are still in this batch's memory
        Instant at = VersionedRows.stored(event.occurredAt());
        if (event instanceof MessageRecorded message) {
            ParticipantRole author = message.authorRole();
            switch (author) {
                case CUSTOMER -> customerMessages++;
                case AGENT -> agentMessages++;
                case BOT -> botMessages++;
                default -> {
                    // supervisors and the system: counted in none of the three
                }
            }
            if (author == ParticipantRole.CUSTOMER && firstCustomerMessageAt == null) {
                firstCustomerMessageAt = at;
            } else if ((author == ParticipantRole.BOT || author == ParticipantRole.AGENT)
                    && firstCustomerMessageAt != null && firstReplyAt == null) {
                firstReplyAt = at;
            }
            if (author == ParticipantRole.AGENT && handoffAt != null && firstAgentReplyAfterHandoffAt == null) {
                firstAgentReplyAfterHandoffAt = at;
            }
        } else if (event instanceof IntentRecorded intent && firstIntent == null) {
            firstIntent = intent.label();
        } else if (event instanceof HandoffRequested handoff) {
            handoffAt = handoffAt == null ? at : handoffAt;
            firstQueue = firstQueue == null ? handoff.queue() : firstQueue;
            queueEnteredAt = at;
        } else if (event instanceof AgentAssigned assigned) {
            leaveQueue(at);
            firstAssignedAt = firstAssignedAt == null ? at : firstAssignedAt;
            currentAgent = assigned.agentId().value();
            handlingAgent = currentAgent;
        } else if (event instanceof SessionTransferred transferred) {
            transfers++;
            if (transferred.toQueue() != null) {
                queueEnteredAt = at;
                currentAgent = null;
            } else {
                currentAgent = transferred.toAgentId().value();
                handlingAgent = currentAgent;
            }
        } else if (event instanceof SessionResolved resolved) {
            end(at, Outcome.RESOLVED);
            resolvedBy = resolved.resolvedByRole();
            firstContactResolution = resolved.firstContactResolution();
            if (resolved.resolvedByAgentId() != null) {
                handlingAgent = resolved.resolvedByAgentId().value();
            }
        } else if (event instanceof SessionAbandoned) {
            end(at, Outcome.ABANDONED);
        } else if (event instanceof SessionContinuedElsewhere) {
            continuedElsewhere = true;
            end(at, Outcome.CONTINUED);
        } else if (event instanceof SessionClosed) {
            closedAt = at;
        } else if (event instanceof ProductIdentified identified) {
            product = identified.product();
        } else if (event instanceof SurveyResponseRecorded survey) {
            csat = survey.csat();
            nps = survey.nps();
        }
    }

    /** The first ending counts (a continuation after an abandonment does not end it again). */
    private void end(Instant at, Outcome how) {
        if (outcome == Outcome.OPEN) {
            leaveQueue(at);
            outcome = how;
            endedAt = at;
        }
    }

    private void leaveQueue(Instant at) {
        if (queueEnteredAt != null) {
            queueMillis += Duration.between(queueEnteredAt, at).toMillis();
            queueEnteredAt = null;
        }
    }

    JourneySegment segment() {
        if (startedInQueue) {
            return JourneySegment.HUMAN_ONLY;
        }
        return handoffAt == null ? JourneySegment.BOT_ONLY : JourneySegment.BOT_TO_HUMAN;
    }
}

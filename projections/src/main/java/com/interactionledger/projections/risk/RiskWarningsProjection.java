package com.interactionledger.projections.risk;

import com.interactionledger.contracts.common.ParticipantRole;
import com.interactionledger.contracts.complaint.ComplaintDeadlineApproaching;
import com.interactionledger.contracts.complaint.ComplaintLodged;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.contracts.dialogue.MessageRecorded;
import com.interactionledger.contracts.dialogue.SentimentRecorded;
import com.interactionledger.contracts.dialogue.SessionStarted;
import com.interactionledger.contracts.risk.RiskReason;
import com.interactionledger.projections.support.CustomerReplay;
import com.interactionledger.projections.support.ErasureReplayingProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static com.interactionledger.projections.support.VersionedRows.position;

/**
 * Raises early warnings about customer relationships, each with its reason: repeat complaints, a streak of
 * negative sentiment across sessions, escalation language, complaints on public social channels, and clocks about
 * to run out. The processor is sequenced per customer (a customer's events in ledger order), so rules that span
 * sessions give the same warnings live and on replay; a warning's id comes from its triggering event, so replaying
 * or redelivering cannot raise it twice. Warnings never quote what the customer wrote.
 */
@Component
@ProcessingGroup(RiskWarningsProjection.PROCESSING_GROUP)
public class RiskWarningsProjection extends ErasureReplayingProjection<RiskTables> {

    public static final String PROCESSING_GROUP = "risk-warnings";

    private final RiskRules rules;

    public RiskWarningsProjection(RiskTables tables, RiskRules rules, CustomerReplay replay) {
        super(tables, replay);
        this.rules = rules;
    }

    @EventHandler
    void on(SessionStarted event) {
        tables.indexSession(event.sessionId().value(), event.customerId().value(), event.occurredAt());
    }

    @EventHandler
    void on(MessageRecorded event, DomainEventMessage<?> message, TrackingToken token) {
        if (event.authorRole() != ParticipantRole.CUSTOMER) {
            return;
        }
        List<String> terms = rules.escalationTermsIn(event.text());
        if (!terms.isEmpty()) {
            tables.raise(message.getIdentifier() + ":" + RiskReason.ESCALATION_LANGUAGE, event.customerId().value(),
                    RiskReason.ESCALATION_LANGUAGE, "SESSION", event.sessionId().value(),
                    "escalation terms: " + String.join(", ", terms) + " (message " + event.messageId() + ")",
                    event.occurredAt(), position(token));
        }
    }

    @EventHandler
    void on(SentimentRecorded event, DomainEventMessage<?> message, TrackingToken token) {
        tables.scoreSession(event.sessionId().value(), event.score(), message.getSequenceNumber());
        List<String> streak = new ArrayList<>();
        for (Object[] session : tables.scoredSessionsNewestFirst(event.customerId().value())) {
            if ((double) session[1] > rules.sentiment().threshold()) {
                break;
            }
            streak.add((String) session[0]);
        }
        // Raised when the streak reaches the configured length, once for that set of sessions.
        if (streak.size() == rules.sentiment().sessions() && streak.contains(event.sessionId().value())) {
            List<String> oldestFirst = new ArrayList<>(streak);
            Collections.reverse(oldestFirst);
            tables.raise(RiskReason.NEGATIVE_SENTIMENT_STREAK + ":" + String.join(",", oldestFirst),
                    event.customerId().value(), RiskReason.NEGATIVE_SENTIMENT_STREAK, "SESSION",
                    event.sessionId().value(), streak.size() + " sessions in a row with sentiment at or below "
                            + rules.sentiment().threshold() + ": " + String.join(", ", oldestFirst),
                    event.occurredAt(), position(token));
        }
    }

    @EventHandler
    void on(ComplaintLodged event, DomainEventMessage<?> message, TrackingToken token) {
        String customer = event.customerId().value();
        String complaint = event.complaintId().value();
        tables.indexComplaint(complaint, customer, event.occurredAt());
        int recent = tables.complaintsBetween(customer,
                event.occurredAt().minus(Duration.ofDays(rules.repeatComplaints().days())), event.occurredAt());
        if (recent >= rules.repeatComplaints().minimum()) {
            tables.raise(complaint + ":" + RiskReason.REPEAT_COMPLAINTS, customer, RiskReason.REPEAT_COMPLAINTS,
                    "COMPLAINT", complaint, recent + " complaints within " + rules.repeatComplaints().days() + " days",
                    event.occurredAt(), position(token));
        }
        if (event.channel() == Channel.SOCIAL) {
            tables.raise(complaint + ":" + RiskReason.PUBLIC_SOCIAL_COMPLAINT, customer,
                    RiskReason.PUBLIC_SOCIAL_COMPLAINT, "COMPLAINT", complaint,
                    "complaint lodged on a public social channel (" + event.product() + "/" + event.category() + ")",
                    event.occurredAt(), position(token));
        }
    }

    @EventHandler
    void on(ComplaintDeadlineApproaching event, DomainEventMessage<?> message, TrackingToken token) {
        tables.raise(message.getIdentifier() + ":" + RiskReason.NEAR_BREACH, event.customerId().value(),
                RiskReason.NEAR_BREACH, "COMPLAINT", event.complaintId().value(),
                event.clock() + " runs out at " + event.dueAt(), event.occurredAt(), position(token));
    }
}

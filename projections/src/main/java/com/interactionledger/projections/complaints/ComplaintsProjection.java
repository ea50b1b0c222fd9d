package com.interactionledger.projections.complaints;

import com.interactionledger.contracts.complaint.ComplaintAcknowledged;
import com.interactionledger.contracts.complaint.ComplaintAssigned;
import com.interactionledger.contracts.complaint.ComplaintClocksSet;
import com.interactionledger.contracts.complaint.ComplaintDeadlineApproaching;
import com.interactionledger.contracts.complaint.ComplaintDeadlineBreached;
import com.interactionledger.contracts.complaint.ComplaintDeadlineExtended;
import com.interactionledger.contracts.complaint.ComplaintEvent;
import com.interactionledger.contracts.complaint.ComplaintHoldingResponseSent;
import com.interactionledger.contracts.complaint.ComplaintLodged;
import com.interactionledger.contracts.complaint.ComplaintReferred;
import com.interactionledger.contracts.complaint.ComplaintReopened;
import com.interactionledger.contracts.complaint.ComplaintResolved;
import com.interactionledger.contracts.complaint.ComplaintSourceRecorded;
import com.interactionledger.contracts.complaint.ComplaintState;
import com.interactionledger.contracts.complaint.Money;
import com.interactionledger.contracts.complaint.RegulatoryClock;
import com.interactionledger.contracts.dialogue.SessionStarted;
import com.interactionledger.projections.support.CustomerReplay;
import com.interactionledger.projections.support.ErasureReplayingProjection;
import com.interactionledger.projections.support.VersionedRows;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the complaint read model: where each complaint stands, its clocks as the ledger recorded them (with the
 * warnings and breaches), and an index of sessions by channel. Idempotent (a complaint row remembers the last
 * event applied) and deterministic: every value comes from the events, so a rebuild gives the same rows. A batch
 * of events reads its complaints' rows at once and writes them back once (support/ReadModelBatches); the clocks
 * are written as each event comes.
 */
@Component
@ProcessingGroup(ComplaintsProjection.PROCESSING_GROUP)
public class ComplaintsProjection extends ErasureReplayingProjection<ComplaintTables> {

    public static final String PROCESSING_GROUP = "complaints";

    public ComplaintsProjection(ComplaintTables tables, CustomerReplay replay) {
        super(tables, replay);
    }

    @EventHandler
    void on(SessionStarted event) {
        tables.indexSession(event.sessionId().value(), event.customerId().value(), event.channel(),
                event.occurredAt());
    }

    @EventHandler
    void on(ComplaintEvent event, DomainEventMessage<?> message) {
        long sequence = message.getSequenceNumber();
        if (event instanceof ComplaintLodged lodged) {
            tables.insertComplaint(lodged, sequence);
            return;
        }
        ComplaintTables.Standing before = tables.standing(event.complaintId())
                .orElseThrow(() -> new IllegalStateException("event " + message.getIdentifier()
                        + " for unknown complaint " + event.complaintId()));
        if (before.version() >= sequence) {
            return;
        }
        ComplaintState after = before.state().after(event);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("state", after.name());
        if (event instanceof ComplaintClocksSet clocks) {
            tables.replaceClocks(clocks);
            if (before.reopened() == 0 && before.firstResolvedAt() == null) {
                changes.put("first_final_due_at", clocks.clocks().stream()
                        .filter(clock -> clock.type().isFinalResponse()).map(RegulatoryClock::dueAt)
                        .filter(java.util.Objects::nonNull).findFirst().orElse(null));
            }
        } else if (event instanceof ComplaintAcknowledged acknowledged && before.acknowledgedAt() == null) {
            changes.put("acknowledged_at", acknowledged.occurredAt());
        } else if (event instanceof ComplaintAssigned assigned) {
            changes.put("handler_id", assigned.handlerId());
            changes.put("team", assigned.team());
        } else if (event instanceof ComplaintHoldingResponseSent holding) {
            changes.put("holding_response_at", holding.occurredAt());
        } else if (event instanceof ComplaintDeadlineExtended extended) {
            changes.put("extension_tier", extended.tier());
        } else if (event instanceof ComplaintResolved resolved) {
            changes.put("resolved_at", resolved.occurredAt());
            if (before.firstResolvedAt() == null) {
                changes.put("first_resolved_at", resolved.occurredAt());
            }
            changes.put("outcome", resolved.outcome().name());
            Money monetary = resolved.redress() == null ? null : resolved.redress().monetary();
            changes.put("redress_amount", monetary == null ? null : monetary.amount().toPlainString());
            changes.put("redress_currency", monetary == null ? null : monetary.currency());
            changes.put("redress_non_monetary", resolved.redress() == null ? null : resolved.redress().nonMonetary());
            changes.put("summary_resolution", resolved.summaryResolution());
        } else if (event instanceof ComplaintSourceRecorded source) {
            changes.put("source_system", source.sourceSystem());
            changes.put("source_record_id", source.sourceRecordId());
            changes.put("company", source.company());
            changes.put("source_channel", source.submittedVia());
            changes.put("sent_to_company_on", source.sentToCompanyOn());
            changes.put("company_response", source.companyResponse());
            changes.put("source_timely", source.timelyResponse());
            changes.put("source_disputed", source.consumerDisputed());
        } else if (event instanceof ComplaintReferred referred) {
            changes.put("referred_to", referred.body().name());
        } else if (event instanceof ComplaintReopened) {
            // A new round: its own final response, holding reply and extensions; the first round's stays for statistics.
            changes.put("resolved_at", null);
            changes.put("holding_response_at", null);
            changes.put("extension_tier", 0);
            changes.put("reopened", VersionedRows.INCREMENT);
        } else if (event instanceof ComplaintDeadlineApproaching approaching) {
            tables.markClock(approaching.complaintId(), approaching.clock(), approaching.dueAt(), "warned_at",
                    approaching.occurredAt());
        } else if (event instanceof ComplaintDeadlineBreached breached) {
            tables.markClock(breached.complaintId(), breached.clock(), breached.dueAt(), "breached_at",
                    breached.occurredAt());
            changes.put("ever_breached", true);
        }
        tables.updateComplaint(event.complaintId(), sequence, changes);
    }
}

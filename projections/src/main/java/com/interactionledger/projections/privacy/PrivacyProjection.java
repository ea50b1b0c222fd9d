package com.interactionledger.projections.privacy;

import com.interactionledger.contracts.complaint.ComplaintEvent;
import com.interactionledger.contracts.complaint.ComplaintLodged;
import com.interactionledger.contracts.dialogue.DialogueEvent;
import com.interactionledger.contracts.privacy.CustomerErased;
import com.interactionledger.contracts.privacy.CustomerRestricted;
import com.interactionledger.contracts.privacy.CustomerRestrictionLifted;
import com.interactionledger.contracts.privacy.LegalHoldPlaced;
import com.interactionledger.contracts.privacy.LegalHoldReleased;
import com.interactionledger.projections.support.ReadModelProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

import static com.interactionledger.projections.support.VersionedRows.position;

/**
 * The privacy read model: per customer, whether processing of their data is restricted (agents' views and the
 * analysts' figures leave them out), whether they were erased, their legal holds, and when they were last active
 * per record type (the retention report). Sequenced per customer, like the read models it filters.
 */
@Component
@ProcessingGroup(PrivacyProjection.PROCESSING_GROUP)
public class PrivacyProjection extends ReadModelProjection<PrivacyTables> {

    public static final String PROCESSING_GROUP = "privacy";

    public PrivacyProjection(PrivacyTables tables) {
        super(tables);
    }

    @EventHandler
    void on(CustomerRestricted event, TrackingToken token) {
        tables.apply(event.customerId().value(), position(token),
                changes("restricted", true, "restricted_since", event.occurredAt()));
    }

    @EventHandler
    void on(CustomerRestrictionLifted event, TrackingToken token) {
        tables.apply(event.customerId().value(), position(token),
                changes("restricted", false, "restricted_since", null));
    }

    @EventHandler
    void on(CustomerErased event, TrackingToken token) {
        tables.apply(event.customerId().value(), position(token), changes("erased_at", event.occurredAt()));
    }

    @EventHandler
    void on(LegalHoldPlaced event, TrackingToken token) {
        String customer = event.customerId().value();
        if (tables.apply(customer, position(token), Map.of())) {
            tables.placeHold(customer, event.reference(), event.occurredAt());
        }
    }

    @EventHandler
    void on(LegalHoldReleased event, TrackingToken token) {
        String customer = event.customerId().value();
        if (tables.apply(customer, position(token), Map.of())) {
            tables.releaseHold(customer, event.reference());
        }
    }

    @EventHandler
    void on(DialogueEvent event, TrackingToken token) {
        tables.lastActive(event.customerId().value(), position(token), "last_session_at", event.occurredAt());
    }

    @EventHandler
    void on(ComplaintEvent event, TrackingToken token) {
        tables.lastActive(event.customerId().value(), position(token), "last_complaint_at", event.occurredAt());
        tables.complaintActive(event.complaintId(), event.customerId().value(),
                event instanceof ComplaintLodged lodged ? lodged.jurisdiction() : null, position(token),
                event.occurredAt());
    }

    /** Column, value, column, value...: a value may be null. */
    private static Map<String, Object> changes(Object... columnsAndValues) {
        Map<String, Object> changes = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            changes.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return changes;
    }
}

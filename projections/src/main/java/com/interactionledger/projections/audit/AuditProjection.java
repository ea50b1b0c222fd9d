package com.interactionledger.projections.audit;

import com.interactionledger.contracts.audit.AuditOutcome;
import com.interactionledger.contracts.audit.CommandRefused;
import com.interactionledger.contracts.audit.PersonalDataRead;
import com.interactionledger.contracts.audit.RequestsRefused;
import com.interactionledger.contracts.common.LedgerMetadata;
import com.interactionledger.projections.support.VersionedRows;
import com.interactionledger.projections.support.ReadModelProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

/**
 * Builds the audit trail from the ledger itself: an accepted command is the group of events sharing its
 * causation id (the command's id, in their metadata with its type, actor, channel and flow); a refused command is
 * its {@link CommandRefused} record; a read of personal data is its {@link PersonalDataRead} record; requests refused
 * for who sent them are their {@link RequestsRefused} counts. Nothing is audited that is not in the ledger, so the
 * trail can always be rebuilt and can be verified like the rest. The processor is sequenced by causation id: a
 * command's events (which may span sessions) arrive in one segment, in ledger order, so its row always starts at its
 * first event.
 */
@Component
@ProcessingGroup(AuditProjection.PROCESSING_GROUP)
public class AuditProjection extends ReadModelProjection<AuditTables> {

    public static final String PROCESSING_GROUP = "audit";

    public AuditProjection(AuditTables tables) {
        super(tables);
    }

    /**
     * Every event, by its message: the trail needs an event's metadata and, for only three kinds, its payload — asking
     * for the type first leaves every other payload unread (deserialising it would open its sealed personal fields,
     * which the trail never shows).
     */
    @EventHandler
    void on(EventMessage<?> message, TrackingToken token) {
        long position = VersionedRows.position(token);
        MetaData metaData = message.getMetaData();
        Class<?> type = message.getPayloadType();
        Object payload = type == PersonalDataRead.class || type == CommandRefused.class
                || type == RequestsRefused.class ? message.getPayload() : null;
        if (payload instanceof RequestsRefused refused) {
            tables.recordRefusals(message.getIdentifier(), refused, position);
        } else if (payload instanceof PersonalDataRead read) {
            tables.recordRead(message.getIdentifier(), text(metaData, LedgerMetadata.ACTOR_ID),
                    text(metaData, LedgerMetadata.ACTOR_ROLE), read, message.getTimestamp(), position);
        } else if (payload instanceof CommandRefused refused) {
            tables.recordCommand(refused.commandId(), refused.commandType(), refused.targetId(),
                    refused.customerId() == null ? null : refused.customerId().value(), metaData,
                    AuditOutcome.REFUSED, refused.errorCode().name(), refused.detail(), message.getTimestamp(),
                    position);
        } else if (metaData.containsKey(LedgerMetadata.CAUSATION_ID)
                && metaData.containsKey(LedgerMetadata.COMMAND_TYPE)) {
            String command = text(metaData, LedgerMetadata.CAUSATION_ID);
            tables.recordCommand(command, text(metaData, LedgerMetadata.COMMAND_TYPE),
                    text(metaData, LedgerMetadata.COMMAND_TARGET),
                    text(metaData, LedgerMetadata.CUSTOMER_ID), metaData, AuditOutcome.ACCEPTED, null, null,
                    message.getTimestamp(), position);
            tables.recordCommandEvent(command, message.getIdentifier(), position);
        }
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}

package com.interactionledger.ledger.append;

import com.interactionledger.contracts.common.LedgerCommand;
import com.interactionledger.contracts.common.LedgerMetadata;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries who/where/why from a command onto every event it causes: actor, channel and correlation id (and, for an
 * import, the run and the source file and record) are copied;
 * the causation id is the command's own message id and the command type its name, so the audit trail can say which
 * command appended which events. Replaces Axon's default origin provider, whose
 * {@code correlationId} means the parent message rather than the business flow.
 * <p>
 * Nothing for an event being handled: Axon asks for every event each read model's processor applies (six maps per
 * event, a twentieth of the read models' CPU), and no event handler of the ledger sends a command or publishes an
 * event whose metadata would carry it. A policy that ever does must take what it carries from the event itself.
 */
public class LedgerCorrelationData implements CorrelationDataProvider {

    private static final List<String> COPIED = List.of(
            LedgerMetadata.ACTOR_ID,
            LedgerMetadata.ACTOR_ROLE,
            LedgerMetadata.CHANNEL,
            LedgerMetadata.CORRELATION_ID,
            LedgerMetadata.IDEMPOTENCY_KEY,
            LedgerMetadata.REQUEST_HASH,
            LedgerMetadata.IMPORT_RUN,
            LedgerMetadata.SOURCE_FILE,
            LedgerMetadata.SOURCE_SHA256,
            LedgerMetadata.SOURCE_RECORD,
            LedgerMetadata.SOURCE_LINE);

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        if (message instanceof EventMessage<?>) {
            return Map.of();
        }
        Map<String, Object> data = new HashMap<>();
        for (String key : COPIED) {
            Object value = message.getMetaData().get(key);
            if (value != null) {
                data.put(key, value);
            }
        }
        data.put(LedgerMetadata.CAUSATION_ID, message.getIdentifier());
        if (message instanceof CommandMessage<?> command) {
            data.put(LedgerMetadata.COMMAND_TYPE, command.getPayloadType().getSimpleName());
            if (command.getPayload() instanceof LedgerCommand target) {
                data.put(LedgerMetadata.COMMAND_TARGET, target.targetId());
            }
        }
        return data;
    }
}

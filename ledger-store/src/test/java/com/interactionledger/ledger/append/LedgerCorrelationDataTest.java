package com.interactionledger.ledger.append;

import com.interactionledger.contracts.common.LedgerMetadata;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerCorrelationDataTest {

    private final LedgerCorrelationData provider = new LedgerCorrelationData();

    @Test
    void aCommandPassesWhoAndWhereOnAndIsTheCauseOfItsEvents() {
        GenericCommandMessage<String> command = new GenericCommandMessage<>("record", MetaData.from(Map.of(
                LedgerMetadata.ACTOR_ID, "agent-1", LedgerMetadata.CHANNEL, "PHONE", "unrelated", "dropped")));

        Map<String, Object> data = Map.copyOf(provider.correlationDataFor(command));

        assertThat(data).containsEntry(LedgerMetadata.ACTOR_ID, "agent-1")
                .containsEntry(LedgerMetadata.CHANNEL, "PHONE")
                .containsEntry(LedgerMetadata.CAUSATION_ID, command.getIdentifier())
                .containsEntry(LedgerMetadata.COMMAND_TYPE, "String")
                .doesNotContainKey("unrelated");
    }

    @Test
    void anEventBeingHandledPassesNothingOn() {
        GenericEventMessage<String> event = new GenericEventMessage<>("recorded",
                MetaData.with(LedgerMetadata.ACTOR_ID, "agent-1"));

        assertThat(provider.correlationDataFor(event)).isEmpty();
    }
}

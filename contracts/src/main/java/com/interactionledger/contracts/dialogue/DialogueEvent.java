package com.interactionledger.contracts.dialogue;

import com.interactionledger.contracts.common.CustomerScoped;

import java.time.Instant;

/**
 * Every event of an interaction session. {@code occurredAt} is the valid time (when it happened in the
 * conversation, stamped at the edge from an injected clock or carried over by an importer); the time the ledger
 * recorded it is the event message's own timestamp.
 */
public interface DialogueEvent extends CustomerScoped {

    SessionId sessionId();

    Instant occurredAt();
}

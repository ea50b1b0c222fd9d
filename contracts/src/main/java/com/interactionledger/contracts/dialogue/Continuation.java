package com.interactionledger.contracts.dialogue;

/** The earlier session a new one continues, and the context handed over so the customer need not repeat it. */
public record Continuation(SessionId previousSessionId, String contextSummary) {
}

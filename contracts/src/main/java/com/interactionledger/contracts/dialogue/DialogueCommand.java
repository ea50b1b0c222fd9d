package com.interactionledger.contracts.dialogue;

import com.interactionledger.contracts.common.LedgerCommand;

/** Every command of the dialogue names the session it creates or changes. */
public interface DialogueCommand extends LedgerCommand {

    SessionId sessionId();

    @Override
    default String targetId() {
        return sessionId().value();
    }
}

package com.interactionledger.contracts.dialogue;

import java.util.List;

/**
 * Brings one conversation from another system into the ledger, whole: started as the source started it, then every
 * later command (messages, assignment, transfers, intents...) at its original time, each decided by the session's
 * own rules as if it were happening now. All of it is appended together or not at all, so a conversation is never
 * half imported; a session id already on the ledger is refused, so importing a file again appends nothing.
 * <p>
 * Who said what in an imported conversation is the source's word, carried by the importer: its messages name a
 * {@link Caller} that imports on the session's channel ({@link Caller#importer}), which the service builds only for
 * its own importer identity — no token at the web edge ever carries it (docs/IMPORTING.md, "Who said it").
 *
 * @param start the session as the source opened it (a continuation is not imported: {@code continuation} is null)
 * @param then  the commands that follow, in order, all for this session
 */
public record ImportSession(StartSession start, List<DialogueCommand> then) implements DialogueCommand {

    public ImportSession {
        then = List.copyOf(then);
    }

    @Override
    public SessionId sessionId() {
        return start.sessionId();
    }
}

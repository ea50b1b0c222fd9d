package com.interactionledger.command.dialogue;

import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.contracts.dialogue.DialogueCommand;
import com.interactionledger.contracts.dialogue.ImportSession;
import com.interactionledger.contracts.dialogue.SessionId;
import com.interactionledger.contracts.dialogue.StartSession;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Brings a conversation from another system in, whole (docs/IMPORTING.md): started as the session's constructor
 * starts any session, then each later command handled by the session's own handler at its original time — so an
 * imported dialogue obeys the rules a live one does (who may speak when, one message id once, transfers only from an
 * agent), and one that breaks them is refused whole. One unit of work: every event of the conversation is stored
 * together or none is, and a session id already on the ledger is refused by the store's unique key.
 */
@Component
class SessionImport {

    private final Repository<InteractionSession> sessions;

    SessionImport(Repository<InteractionSession> sessions) {
        this.sessions = sessions;
    }

    @CommandHandler
    public SessionId handle(ImportSession command) throws Exception {
        SessionId id = command.sessionId();
        if (command.start().continuation() != null) {
            throw new DialogueRuleViolation(ErrorCode.VALIDATION_FAILED,
                    "an imported session starts on its own: session " + id + " cannot continue another");
        }
        for (DialogueCommand next : command.then()) {
            if (!id.equals(next.sessionId()) || next instanceof StartSession || next instanceof ImportSession) {
                throw new DialogueRuleViolation(ErrorCode.VALIDATION_FAILED,
                        "an imported session's commands must all be later steps of session " + id + ", not " + next
                                .getClass().getSimpleName() + " for " + next.sessionId());
            }
        }
        Aggregate<InteractionSession> session = sessions.newInstance(
                () -> new InteractionSession(command.start(), null));
        for (DialogueCommand next : command.then()) {
            session.handle(GenericCommandMessage.asCommandMessage(next));
        }
        return id;
    }
}

package com.interactionledger.command.dialogue;

import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.contracts.dialogue.SessionId;
import com.interactionledger.contracts.dialogue.StartSession;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Starts sessions. A continuation touches two sessions, the previous one (which records that the conversation
 * moved on) and the new one, in one unit of work and one transaction: both events are stored or neither is.
 */
@Component
class SessionStarter {

    private final Repository<InteractionSession> sessions;

    SessionStarter(Repository<InteractionSession> sessions) {
        this.sessions = sessions;
    }

    @CommandHandler
    public SessionId handle(StartSession command) throws Exception {
        Channel previousChannel = null;
        if (command.continuation() != null) {
            previousChannel = sessions.load(command.continuation().previousSessionId().value())
                    .invoke(previous -> previous.continueElsewhere(command));
        }
        Channel cameFrom = previousChannel;
        sessions.newInstance(() -> new InteractionSession(command, cameFrom));
        return command.sessionId();
    }
}

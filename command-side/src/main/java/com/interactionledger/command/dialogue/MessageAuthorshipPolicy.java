package com.interactionledger.command.dialogue;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.contracts.common.ParticipantRole;
import com.interactionledger.contracts.dialogue.AgentId;
import com.interactionledger.contracts.dialogue.SessionState;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static com.interactionledger.contracts.common.ParticipantRole.AGENT;
import static com.interactionledger.contracts.common.ParticipantRole.BOT;
import static com.interactionledger.contracts.common.ParticipantRole.CUSTOMER;
import static com.interactionledger.contracts.common.ParticipantRole.SUPERVISOR;
import static com.interactionledger.contracts.common.ParticipantRole.SYSTEM;

/**
 * Who may speak in which state, so the ledger never shows an agent talking in a session no agent holds, or a bot
 * talking over the agent. Reason code: {@link ErrorCode#AUTHOR_NOT_ALLOWED}.
 * <ul>
 *   <li>With the bot or in the queue: the customer, the bot and the system.</li>
 *   <li>With an agent: the customer, the assigned agent (nobody else as AGENT), supervisors and the system.</li>
 *   <li>On hold: the customer and the system.</li>
 * </ul>
 * A customer message is always authored by the session's own customer.
 */
final class MessageAuthorshipPolicy {

    private static final Map<SessionState, Set<ParticipantRole>> SPEAKERS = Map.of(
            SessionState.BOT_HANDLING, EnumSet.of(CUSTOMER, BOT, SYSTEM),
            SessionState.QUEUED, EnumSet.of(CUSTOMER, BOT, SYSTEM),
            SessionState.WITH_AGENT, EnumSet.of(CUSTOMER, AGENT, SUPERVISOR, SYSTEM),
            SessionState.ON_HOLD, EnumSet.of(CUSTOMER, SYSTEM));

    private MessageAuthorshipPolicy() {
    }

    /**
     * @return the author id to record: for the customer, the session's customer id
     */
    static String authorize(SessionState state, ParticipantRole role, String authorId,
                            CustomerId customer, AgentId assignedAgent) {
        if (!SPEAKERS.getOrDefault(state, Set.of()).contains(role)) {
            throw refused(role + " may not write while the session is " + state);
        }
        if (role == CUSTOMER) {
            if (authorId != null && !authorId.equals(customer.value())) {
                throw refused("a CUSTOMER message must be authored by the session's customer " + customer);
            }
            return customer.value();
        }
        if (role == AGENT && !assignedAgent.value().equals(authorId)) {
            throw refused("only the assigned agent " + assignedAgent + " may write as AGENT");
        }
        if (authorId == null) {
            throw refused(role + " messages need an authorId");
        }
        return authorId;
    }

    private static DialogueRuleViolation refused(String detail) {
        return new DialogueRuleViolation(ErrorCode.AUTHOR_NOT_ALLOWED, detail);
    }
}

package com.interactionledger.command.dialogue;

import com.interactionledger.contracts.common.AccessRole;
import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.contracts.common.ParticipantRole;
import com.interactionledger.contracts.dialogue.AgentId;
import com.interactionledger.contracts.dialogue.Caller;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.contracts.dialogue.RecordMessage;
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
 * Who may speak in which state, and who may speak as whom, so the ledger never shows an agent talking in a session
 * no agent holds, a bot talking over the agent, or words put in someone's mouth. Reason code:
 * {@link ErrorCode#AUTHOR_NOT_ALLOWED}.
 * <ul>
 *   <li>With the bot or in the queue: the customer, the bot and the system.</li>
 *   <li>With an agent: the customer, the assigned agent (nobody else as AGENT), supervisors and the system.</li>
 *   <li>On hold: the customer and the system.</li>
 * </ul>
 * The recorded author is the caller the edge proved ({@link Caller}), never the request's word:
 * <ul>
 *   <li>CUSTOMER: carried by a machine identity configured as the gateway of the session's channel; recorded as the
 *       session's own customer. An agent's or a bot's token cannot speak for the customer.</li>
 *   <li>BOT: a machine identity configured as a bot on the session's channel; recorded as that identity.</li>
 *   <li>AGENT: the assigned agent's own token (acting as AGENT, or as SUPERVISOR, who has an agent's rights).</li>
 *   <li>SUPERVISOR: a token acting as SUPERVISOR; SYSTEM: a token acting as SYSTEM; each recorded as its actor.</li>
 * </ul>
 * An imported conversation (docs/IMPORTING.md) is carried by the service's importer identity, whose {@link Caller}
 * imports on the session's channel: it speaks as CUSTOMER (recorded as the session's customer) and as AGENT
 * (recorded as the agent the import assigned, who must hold the session as for any agent message) — the source's
 * word, in the same states a live conversation allows, and each event's metadata names the importer as its actor.
 * <p>
 * An author id in the request must name the one that would be recorded, or the message is refused.
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
     * @return the author id to record: the session's customer for CUSTOMER, the caller's actor otherwise
     */
    static String authorize(SessionState state, RecordMessage message, CustomerId customer, AgentId assignedAgent,
                            Channel channel) {
        ParticipantRole role = message.authorRole();
        Caller caller = message.caller();
        if (!SPEAKERS.getOrDefault(state, Set.of()).contains(role)) {
            throw refused(role + " may not write while the session is " + state);
        }
        if (caller == null) {
            throw refused("the message names no caller: an author is proven by a token, never claimed");
        }
        boolean imported = caller.role() == AccessRole.SYSTEM && caller.importsOn().contains(channel);
        String author = switch (role) {
            case CUSTOMER -> {
                require(imported || caller.role() == AccessRole.SYSTEM && caller.gatewayOf().contains(channel),
                        "a CUSTOMER message is carried only by the gateway of the session's channel " + channel
                                + " (ledger.machines.<id>.gateway-of), not by " + caller.actorId());
                yield customer.value();
            }
            case BOT -> {
                require(caller.role() == AccessRole.SYSTEM && caller.botOn().contains(channel),
                        caller.actorId() + " is not a bot on " + channel + " (ledger.machines.<id>.bot-on)");
                yield caller.actorId();
            }
            case AGENT -> {
                if (imported) {
                    // the source's agent, whom the import assigned: recorded as that agent, carried by the importer
                    yield assignedAgent.value();
                }
                require(caller.role() == AccessRole.AGENT || caller.role() == AccessRole.SUPERVISOR,
                        "an AGENT message needs an agent's token, not one acting as " + caller.role());
                require(assignedAgent.value().equals(caller.actorId()),
                        "only the assigned agent " + assignedAgent + " may write as AGENT");
                yield caller.actorId();
            }
            case SUPERVISOR -> {
                require(caller.role() == AccessRole.SUPERVISOR,
                        "a SUPERVISOR message needs a supervisor's token, not one acting as " + caller.role());
                yield caller.actorId();
            }
            case SYSTEM -> {
                require(caller.role() == AccessRole.SYSTEM,
                        "a SYSTEM message needs a machine's token, not one acting as " + caller.role());
                yield caller.actorId();
            }
        };
        if (message.authorId() != null && !message.authorId().equals(author)) {
            throw refused("the message names " + message.authorId() + " as its author, but " + author
                    + " is who it would be recorded as: an author cannot be claimed, only proven");
        }
        return author;
    }

    private static void require(boolean allowed, String detail) {
        if (!allowed) {
            throw refused(detail);
        }
    }

    private static DialogueRuleViolation refused(String detail) {
        return new DialogueRuleViolation(ErrorCode.AUTHOR_NOT_ALLOWED, detail);
    }
}

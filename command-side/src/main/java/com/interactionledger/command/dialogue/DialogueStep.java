package com.interactionledger.command.dialogue;

import com.interactionledger.command.lifecycle.Step;
import com.interactionledger.command.lifecycle.Transition;
import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.contracts.dialogue.SessionState;

import java.util.EnumSet;
import java.util.Set;

import static com.interactionledger.contracts.dialogue.SessionState.ABANDONED;
import static com.interactionledger.contracts.dialogue.SessionState.BOT_HANDLING;
import static com.interactionledger.contracts.dialogue.SessionState.CLOSED;
import static com.interactionledger.contracts.dialogue.SessionState.ON_HOLD;
import static com.interactionledger.contracts.dialogue.SessionState.QUEUED;
import static com.interactionledger.contracts.dialogue.SessionState.RESOLVED;
import static com.interactionledger.contracts.dialogue.SessionState.WITH_AGENT;

/**
 * The legal transitions of an interaction session: for every step, the states it may be taken from and where it
 * leads. This table is the policy the aggregate enforces and the table printed in docs/DOMAIN.md (a test keeps the
 * two identical).
 */
public enum DialogueStep implements Step<SessionState> {
    RECORD_MESSAGE("RecordMessage", "stays", BOT_HANDLING, QUEUED, WITH_AGENT, ON_HOLD),
    // Classifiers often run after the fact (batch re-scoring of transcripts), so annotations fit any state.
    RECORD_INTENT("RecordIntent", "stays", EnumSet.allOf(SessionState.class)),
    RECORD_SENTIMENT("RecordSentiment", "stays", EnumSet.allOf(SessionState.class)),
    // What a conversation was about is often settled on review, after it ended.
    IDENTIFY_PRODUCT("IdentifyProduct", "stays", EnumSet.allOf(SessionState.class)),
    // A bot's answer is often found wrong after the session ended (in its continuation, or on review).
    CORRECT_ANSWER("CorrectBotAnswer", "stays (once per answer)", EnumSet.allOf(SessionState.class)),
    REQUEST_HANDOFF("RequestHandoff", "QUEUED", BOT_HANDLING),
    ASSIGN_AGENT("AssignAgent", "WITH_AGENT", QUEUED),
    TRANSFER("TransferSession", "WITH_AGENT (to an agent) or QUEUED (to a queue)", WITH_AGENT, ON_HOLD),
    PUT_ON_HOLD("PutSessionOnHold", "ON_HOLD", WITH_AGENT),
    RESUME("ResumeSession", "WITH_AGENT", ON_HOLD),
    RESOLVE("ResolveSession", "RESOLVED", BOT_HANDLING, WITH_AGENT),
    ABANDON("AbandonSession", "ABANDONED", BOT_HANDLING, QUEUED, WITH_AGENT, ON_HOLD),
    CLOSE("CloseSession", "CLOSED", RESOLVED),
    RECORD_SURVEY("RecordSurveyResponse", "stays (one survey per session)", CLOSED),
    // StartSession with a continuation, seen from the previous session: open sessions end; ended ones keep their
    // outcome and only gain the link. A session moves on at most once.
    CONTINUE_ELSEWHERE("StartSession continuing it",
            "CONTINUED_ELSEWHERE if open; an ended session stays as it is and records the link",
            BOT_HANDLING, QUEUED, WITH_AGENT, ON_HOLD, RESOLVED, CLOSED, ABANDONED);

    private final Transition<SessionState> transition;

    DialogueStep(String command, String leadsTo, SessionState first, SessionState... rest) {
        this(command, leadsTo, EnumSet.of(first, rest));
    }

    DialogueStep(String command, String leadsTo, Set<SessionState> allowedFrom) {
        this.transition = new Transition<>(command, leadsTo, allowedFrom);
    }

    @Override
    public Transition<SessionState> transition() {
        return transition;
    }

    /** Refuses the step with {@link ErrorCode#ILLEGAL_TRANSITION} unless the session is in a state that allows it. */
    void requireAllowedFrom(SessionState state) {
        if (!allowedFrom(state)) {
            throw new DialogueRuleViolation(ErrorCode.ILLEGAL_TRANSITION, transition.refusal("session", state));
        }
    }
}

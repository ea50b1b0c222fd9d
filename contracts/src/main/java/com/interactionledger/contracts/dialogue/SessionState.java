package com.interactionledger.contracts.dialogue;

/**
 * The states of an interaction session, and the one definition of what each event does to them. The aggregate
 * (which decides which commands are legal) and every projection (which only replays facts) both evolve state
 * through {@link #after(DialogueEvent)}, so the two can never disagree about where a session stands.
 */
public enum SessionState {
    BOT_HANDLING,
    QUEUED,
    WITH_AGENT,
    ON_HOLD,
    RESOLVED,
    CLOSED,
    ABANDONED,
    CONTINUED_ELSEWHERE;

    /** Open sessions are still being served; a continuation ends them. */
    public boolean isOpen() {
        return this == BOT_HANDLING || this == QUEUED || this == WITH_AGENT || this == ON_HOLD;
    }

    /** The state of a session that had just started with this event. */
    public static SessionState initial(SessionStarted started) {
        return started.queue() == null ? BOT_HANDLING : QUEUED;
    }

    /** The state after {@code event}; events that do not move the dialogue (messages, intents...) keep it. */
    public SessionState after(DialogueEvent event) {
        if (event instanceof SessionStarted started) {
            return initial(started);
        } else if (event instanceof HandoffRequested) {
            return QUEUED;
        } else if (event instanceof AgentAssigned || event instanceof SessionResumed) {
            return WITH_AGENT;
        } else if (event instanceof SessionTransferred transferred) {
            return transferred.toAgentId() != null ? WITH_AGENT : QUEUED;
        } else if (event instanceof SessionPutOnHold) {
            return ON_HOLD;
        } else if (event instanceof SessionResolved) {
            return RESOLVED;
        } else if (event instanceof SessionAbandoned) {
            return ABANDONED;
        } else if (event instanceof SessionClosed) {
            return CLOSED;
        } else if (event instanceof SessionContinuedElsewhere) {
            // An ended session keeps its outcome (resolved, closed, abandoned) and only gains the link.
            return isOpen() ? CONTINUED_ELSEWHERE : this;
        }
        return this;
    }
}

package com.interactionledger.contracts.timeline;

/** The kinds of entry in a timeline, one per dialogue event type. */
public enum TimelineEntryKind {
    SESSION_STARTED,
    CONTINUED_ELSEWHERE,
    MESSAGE,
    INTENT,
    SENTIMENT,
    HANDOFF,
    AGENT_ASSIGNED,
    TRANSFERRED,
    ON_HOLD,
    RESUMED,
    RESOLVED,
    ABANDONED,
    CLOSED,
    SURVEY,
    /** What a bot's answer (the message named in its details) was based on. */
    ANSWER_BASIS,
    /** A bot's answer marked corrected by a person. */
    ANSWER_CORRECTED,
    /** What the conversation is about: the product, who identified it and as what. */
    PRODUCT_IDENTIFIED
}

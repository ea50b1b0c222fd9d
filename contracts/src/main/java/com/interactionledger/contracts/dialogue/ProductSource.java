package com.interactionledger.contracts.dialogue;

/** Who identified what a conversation is about — worked out from the verified caller, never claimed. */
public enum ProductSource {
    /** A person handling the session (an agent or supervisor). */
    AGENT,
    /** The bot speaking on the session's channel. */
    BOT,
    /** Any other machine identity: a classifier, often run after the fact. */
    CLASSIFIER
}

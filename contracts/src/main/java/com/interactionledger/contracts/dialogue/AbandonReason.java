package com.interactionledger.contracts.dialogue;

/** Why a session ended without resolution. */
public enum AbandonReason {
    /** The customer left (hung up, closed the chat window). */
    BY_CUSTOMER,
    /** The customer stopped answering and the channel timed the session out. */
    BY_TIMEOUT
}

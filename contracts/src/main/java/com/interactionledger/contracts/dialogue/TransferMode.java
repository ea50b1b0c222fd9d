package com.interactionledger.contracts.dialogue;

/**
 * COLD: the session is passed on without a conversation between the two handlers.
 * WARM: the current agent briefs the receiver first; a warm transfer therefore always carries a note.
 */
public enum TransferMode {
    COLD,
    WARM
}

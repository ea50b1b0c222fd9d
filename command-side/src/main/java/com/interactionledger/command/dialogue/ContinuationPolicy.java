package com.interactionledger.command.dialogue;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.contracts.dialogue.SessionId;

/**
 * When a new session may continue an earlier one: the same customer, another channel, a different session, and
 * only once: a conversation moves on to one place. Reason code: {@link ErrorCode#CONTINUATION_REFUSED}.
 */
final class ContinuationPolicy {

    private ContinuationPolicy() {
    }

    static void check(SessionId previous, CustomerId previousCustomer, Channel previousChannel,
                      SessionId alreadyContinuedBy, SessionId next, CustomerId nextCustomer, Channel nextChannel) {
        if (previous.equals(next)) {
            throw refused("a session cannot continue itself");
        }
        if (!previousCustomer.equals(nextCustomer)) {
            throw refused("session " + previous + " belongs to another customer");
        }
        if (previousChannel == nextChannel) {
            throw refused("a continuation moves the conversation to another channel; " + previous
                    + " is already on " + previousChannel);
        }
        if (alreadyContinuedBy != null) {
            throw refused("session " + previous + " was already continued by " + alreadyContinuedBy);
        }
    }

    private static DialogueRuleViolation refused(String detail) {
        return new DialogueRuleViolation(ErrorCode.CONTINUATION_REFUSED, detail);
    }
}

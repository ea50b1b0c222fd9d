package com.interactionledger.command.dialogue;

import com.interactionledger.ledger.append.RuleViolation;
import com.interactionledger.contracts.common.ErrorCode;

/** A dialogue command refused by the dialogue's rules. */
public class DialogueRuleViolation extends RuleViolation {

    public DialogueRuleViolation(ErrorCode code, String detail) {
        super(code, detail);
    }
}

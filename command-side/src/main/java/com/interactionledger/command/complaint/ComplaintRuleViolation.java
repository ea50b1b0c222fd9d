package com.interactionledger.command.complaint;

import com.interactionledger.ledger.append.RuleViolation;
import com.interactionledger.contracts.common.ErrorCode;

/** A complaint command refused by the complaint lifecycle or the regulatory rules. */
public class ComplaintRuleViolation extends RuleViolation {

    public ComplaintRuleViolation(ErrorCode code, String detail) {
        super(code, detail);
    }
}

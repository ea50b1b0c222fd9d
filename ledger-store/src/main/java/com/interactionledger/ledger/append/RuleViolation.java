package com.interactionledger.ledger.append;

import com.interactionledger.contracts.common.CodedRefusal;
import com.interactionledger.contracts.common.ErrorCode;

/**
 * A command refused by a business rule (of a dialogue, of a complaint). It carries a stable error code; aggregates
 * throw it before applying anything, so a refused command appends nothing.
 */
public class RuleViolation extends CodedRefusal {

    public RuleViolation(ErrorCode code, String detail) {
        super(code, detail);
    }
}

package com.interactionledger.ledger.append;

import com.interactionledger.contracts.common.ErrorCode;

/**
 * A command refused by a business rule (of a dialogue, of a complaint). It carries a stable error code; aggregates
 * throw it before applying anything, so a refused command appends nothing.
 */
public class RuleViolation extends RuntimeException {

    private final ErrorCode code;

    public RuleViolation(ErrorCode code, String detail) {
        super(detail);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}

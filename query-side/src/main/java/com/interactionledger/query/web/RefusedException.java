package com.interactionledger.query.web;

import com.interactionledger.contracts.common.ErrorCode;

/** A request the query side refuses with a code of its own; the answer's status is the code's. */
public class RefusedException extends RuntimeException {

    private final ErrorCode code;

    public RefusedException(ErrorCode code, String detail) {
        super(detail);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}

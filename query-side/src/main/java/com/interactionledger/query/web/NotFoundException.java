package com.interactionledger.query.web;

import com.interactionledger.contracts.common.ErrorCode;

/** The read model has no such session, complaint...: 404 with the code of the kind of resource. */
public class NotFoundException extends RuntimeException {

    private final ErrorCode code;

    public NotFoundException(ErrorCode code, String detail) {
        super(detail);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}

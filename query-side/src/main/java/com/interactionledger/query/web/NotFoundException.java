package com.interactionledger.query.web;

import com.interactionledger.contracts.common.ErrorCode;

/** The read model has no such session, complaint...: 404 with the code of the kind of resource. */
public class NotFoundException extends RefusedException {

    public NotFoundException(ErrorCode code, String detail) {
        super(code, detail);
    }
}

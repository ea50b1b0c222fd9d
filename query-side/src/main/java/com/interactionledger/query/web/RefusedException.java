package com.interactionledger.query.web;

import com.interactionledger.contracts.common.CodedRefusal;
import com.interactionledger.contracts.common.ErrorCode;

/** A request the query side refuses with a code of its own; the answer's status is the code's. */
public class RefusedException extends CodedRefusal {

    public RefusedException(ErrorCode code, String detail) {
        super(code, detail);
    }
}

package com.interactionledger.query.web;

import com.interactionledger.contracts.common.Freshness;

/** A caller waited for a position the read model did not reach in time: 504 {@code READ_MODEL_BEHIND}. */
public class ReadModelBehindException extends RuntimeException {

    public ReadModelBehindException(long wanted, Freshness reached) {
        super("Read model " + reached.readModel() + " reached position " + reached.position() + ", not "
                + wanted + ", within the wait; retry later or wait longer");
    }
}

package com.interactionledger.contracts.common;

/**
 * A request refused with a stable {@link ErrorCode}: by a business rule, for who sent it, or by the query side. The
 * web layer answers every kind alike, as problem+json with the code's status and the message as detail, so the kinds
 * share this; each stays a type of its own because what raises it, and what the ledger records of it, differ.
 */
public abstract class CodedRefusal extends RuntimeException {

    private final ErrorCode code;

    protected CodedRefusal(ErrorCode code, String detail) {
        super(detail);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}

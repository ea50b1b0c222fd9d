package com.interactionledger.contracts.common;

/**
 * A request refused for who sent it rather than what it says: no authenticated caller (401), a caller whose roles
 * the endpoint does not admit (403), or a customer whose data this caller may not see (451). The web layer turns
 * it into problem+json with the code.
 */
public class AccessRefused extends CodedRefusal {

    private AccessRefused(ErrorCode code, String detail) {
        super(code, detail);
    }

    public static AccessRefused unauthenticated(String detail) {
        return new AccessRefused(ErrorCode.UNAUTHENTICATED, detail);
    }

    public static AccessRefused forbidden(String detail) {
        return new AccessRefused(ErrorCode.FORBIDDEN, detail);
    }

    public static AccessRefused restricted(CustomerId customer) {
        return new AccessRefused(ErrorCode.CUSTOMER_RESTRICTED, "Processing of customer " + customer.value()
                + "'s data is restricted (GDPR Art. 18, PIPL Art. 47): only regulators may see it");
    }
}

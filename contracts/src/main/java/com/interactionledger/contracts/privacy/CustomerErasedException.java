package com.interactionledger.contracts.privacy;

/** Nothing more can be recorded about a customer whose key was destroyed: it would be readable again. */
public class CustomerErasedException extends RuntimeException {

    private final String customerId;

    public CustomerErasedException(String customerId) {
        super("customer " + customerId + " was erased; nothing more can be recorded about them");
        this.customerId = customerId;
    }

    public String customerId() {
        return customerId;
    }
}

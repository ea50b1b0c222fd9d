package com.interactionledger.contracts.complaint;

/**
 * What the bank gives the customer to put a complaint right: money (refund, compensation), something else (a
 * corrected credit record, an apology), or both; both null means no redress.
 */
public record Redress(Money monetary, String nonMonetary) {

    public static final Redress NONE = new Redress(null, null);
}

package com.interactionledger.contracts.common;

/**
 * Every event in the ledger belongs to exactly one customer (the data subject). The append path stamps this
 * into the event metadata so that per-customer replay, Kafka partitioning by customer and per-customer
 * encryption keys (crypto-shredding) never have to deserialize a payload to find its owner.
 */
public interface CustomerScoped {
    CustomerId customerId();
}

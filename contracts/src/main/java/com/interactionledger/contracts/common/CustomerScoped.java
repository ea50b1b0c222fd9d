package com.interactionledger.contracts.common;

/**
 * Every event in the ledger says which customer (the data subject) it belongs to. The append path stamps this
 * into the event metadata so that per-customer replay, Kafka partitioning by customer and per-customer
 * encryption keys (crypto-shredding) never have to deserialize a payload to find its owner. Two kinds of event
 * belong to no customer and answer null: the refusal of a command that named no known customer, and a knowledge
 * article's versions (about a product, holding no personal data); they are keyed by their own stream.
 */
public interface CustomerScoped {
    CustomerId customerId();
}

-- Which events belong to which customer (the customerId the append path stamps into every event's metadata), so a
-- customer's history is read without scanning the ledger. Written by the append path in the event's own
-- transaction; not evidence in itself: replay-tools verify checks it against the events' metadata, so an event
-- hidden from its customer's history (or slipped into another's) is found.
CREATE TABLE ledger_customer_event (
    customer_id VARCHAR(64) NOT NULL,
    globalindex BIGINT      NOT NULL,
    PRIMARY KEY (customer_id, globalindex)
);

CREATE INDEX ledger_customer_event_by_position ON ledger_customer_event (globalindex);

-- Distributed mode (README "Running distributed"): per consumer group and partition of the ledger's topic, the next
-- offset to read and the global position of the last event applied, written in the transaction that applied the
-- events. A partition carries one customer's events in ledger order, so an event at or below the last position is
-- one already applied (a redelivery) and is skipped; the query side's freshness is computed from these rows.
CREATE TABLE read_model_feed (
    consumer_group  VARCHAR(255) NOT NULL,
    topic           VARCHAR(249) NOT NULL,
    kafka_partition INTEGER      NOT NULL,
    next_offset     BIGINT       NOT NULL,
    last_position   BIGINT       NOT NULL,
    PRIMARY KEY (consumer_group, topic, kafka_partition)
);

-- The relay to Kafka (README "Running distributed"): how far the ledger has been published to each topic. The
-- position moves only in the transaction that follows the broker's acknowledgement of everything up to it.
CREATE TABLE kafka_relay (
    topic    VARCHAR(249) NOT NULL PRIMARY KEY,
    position BIGINT       NOT NULL
);

-- Per partition, the last record the broker acknowledged and the position of the event it carries: the query side
-- compares its consumers' progress with these to say truthfully how far its read models are.
CREATE TABLE kafka_relay_partition (
    topic           VARCHAR(249) NOT NULL,
    kafka_partition INTEGER      NOT NULL,
    last_offset     BIGINT       NOT NULL,
    last_position   BIGINT       NOT NULL,
    PRIMARY KEY (topic, kafka_partition)
);

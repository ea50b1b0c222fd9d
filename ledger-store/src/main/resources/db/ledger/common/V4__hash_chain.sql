-- The hash chain (README, "For regulators"): one link per event, written in the event's own transaction by the
-- append path, so an event and its link commit or vanish together. Rebuildable by nobody: the links are evidence.

CREATE TABLE ledger_chain (
    globalindex          BIGINT       NOT NULL PRIMARY KEY,
    -- the event linked before this one in global order (positions skipped by rolled-back appends never appear);
    -- null for the first event
    previous_globalindex BIGINT,
    aggregateidentifier  VARCHAR(255) NOT NULL,
    sequencenumber       BIGINT       NOT NULL,
    -- SHA-256 of the stored event without its position; chain and stream hashes link the digests
    event_digest         CHAR(64)     NOT NULL,
    chain_hash           CHAR(64)     NOT NULL,
    stream_hash          CHAR(64)     NOT NULL,
    UNIQUE (aggregateidentifier, sequencenumber)
);

-- The last link, one row. Appends lock it (SELECT ... FOR UPDATE) from before their insert until they commit, so
-- global positions are handed out in chain order and each link knows the one before it. Not evidence: verifiers
-- recompute from ledger_chain.
CREATE TABLE ledger_chain_head (
    id          INTEGER  NOT NULL PRIMARY KEY CHECK (id = 1),
    globalindex BIGINT   NOT NULL,
    chain_hash  CHAR(64) NOT NULL
);
INSERT INTO ledger_chain_head (id, globalindex, chain_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Digests of the chain recorded from time to time: a regulator keeps an exported copy, so that a chain rewritten
-- from some event onwards (every hash recomputed) no longer matches what was handed over.
CREATE TABLE ledger_digest (
    globalindex BIGINT                   NOT NULL PRIMARY KEY,
    chain_hash  CHAR(64)                 NOT NULL,
    events      BIGINT                   NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL
);

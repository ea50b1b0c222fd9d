-- The privacy read model: per customer, what the privacy decisions say (restricted, erased, legal holds) and when
-- the customer was last active per record type (for retention). Rebuildable from the events; cleared on reset.
CREATE TABLE privacy_customer (
    customer_id        VARCHAR(64) NOT NULL PRIMARY KEY,
    restricted         BOOLEAN     NOT NULL,
    restricted_since   TIMESTAMP WITH TIME ZONE,
    erased_at          TIMESTAMP WITH TIME ZONE,
    last_session_at    TIMESTAMP WITH TIME ZONE,
    last_complaint_at  TIMESTAMP WITH TIME ZONE,
    version            BIGINT      NOT NULL
);

CREATE INDEX privacy_customer_restricted ON privacy_customer (restricted);

CREATE TABLE privacy_legal_hold (
    customer_id  VARCHAR(64)  NOT NULL,
    reference    VARCHAR(100) NOT NULL,
    placed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (customer_id, reference)
);

-- Restricted customers are left out of the figures: the rows the figures come from name their customer (never
-- shown; the figures are aggregates). Rows stored before this migration have none until the read model is rebuilt.
ALTER TABLE analytics_session ADD COLUMN customer_id VARCHAR(64);
ALTER TABLE complaint_session_index ADD COLUMN customer_id VARCHAR(64);

-- One key per customer for their personal data, wrapped by a master key from configuration (never stored here).
-- Not part of the ledger's evidence and deliberately not append-only: erasing a customer overwrites wrapped_key
-- with NULL (crypto-shredding); the row stays as a tombstone so no new key is ever made for an erased customer.
CREATE TABLE ledger_customer_key (
    customer_id   VARCHAR(64)  NOT NULL PRIMARY KEY,
    key_id        VARCHAR(36)  NOT NULL UNIQUE,
    wrapped_key   VARCHAR(128),
    master_key_id VARCHAR(64),
    created_at    TIMESTAMP    DEFAULT CURRENT_TIMESTAMP NOT NULL,
    destroyed_at  TIMESTAMP
);

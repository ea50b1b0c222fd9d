-- Idempotency keys of accepted commands. A row is written in the same transaction as the command's events, so
-- either both exist or neither: a retry finds the first outcome, or runs as if it were the first attempt.
CREATE TABLE command_idempotency (
    idempotency_key VARCHAR(200) NOT NULL PRIMARY KEY,
    -- SHA-256 (hex) of method, path, actor and canonical body: the same key with another request is refused
    request_hash    CHAR(64)     NOT NULL,
    command_type    VARCHAR(255) NOT NULL,
    -- JSON of the outcome (session, version, appended events); set before the transaction commits
    outcome         TEXT,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

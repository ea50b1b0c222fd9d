-- Requests refused for who sent them (401, 403, 451), counted per caller, endpoint and code over a minute: one row
-- per RequestsRefused record. Rebuildable from the events.

CREATE TABLE audit_refusal (
    event_id      VARCHAR(64)   NOT NULL PRIMARY KEY,
    actor_id      VARCHAR(64),
    actor_role    VARCHAR(20),
    endpoint      VARCHAR(200)  NOT NULL,
    error_code    VARCHAR(40)   NOT NULL,
    reason        VARCHAR(1000),
    minute_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    refusal_count BIGINT        NOT NULL,
    first_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    position      BIGINT        NOT NULL
);

CREATE INDEX audit_refusal_by_actor ON audit_refusal (actor_id, position);
CREATE INDEX audit_refusal_by_position ON audit_refusal (position);

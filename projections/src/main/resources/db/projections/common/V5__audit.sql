-- The audit trail: every command with its outcome (accepted commands from the events they appended, refused ones
-- from their CommandRefused record), and every read of personal data. Rebuildable from the events.

CREATE TABLE audit_command (
    command_id     VARCHAR(64)   NOT NULL PRIMARY KEY,
    command_type   VARCHAR(100)  NOT NULL,
    target_id      VARCHAR(64),
    customer_id    VARCHAR(64),
    actor_id       VARCHAR(64),
    actor_role     VARCHAR(20),
    channel        VARCHAR(20),
    correlation_id VARCHAR(64),
    outcome        VARCHAR(10)   NOT NULL,
    error_code     VARCHAR(40),
    detail         VARCHAR(1000),
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    -- global position of the command's first event (or of its refusal): the order of the trail
    position       BIGINT        NOT NULL
);

CREATE INDEX audit_command_by_actor ON audit_command (actor_id, position);
CREATE INDEX audit_command_by_customer ON audit_command (customer_id, position);
CREATE INDEX audit_command_by_time ON audit_command (recorded_at);

CREATE TABLE audit_command_event (
    event_id   VARCHAR(64) NOT NULL PRIMARY KEY,
    command_id VARCHAR(64) NOT NULL,
    position   BIGINT      NOT NULL
);

CREATE INDEX audit_command_event_by_command ON audit_command_event (command_id, position);

CREATE TABLE audit_read (
    event_id      VARCHAR(64)  NOT NULL PRIMARY KEY,
    actor_id      VARCHAR(64),
    actor_role    VARCHAR(20),
    customer_id   VARCHAR(64)  NOT NULL,
    endpoint      VARCHAR(200) NOT NULL,
    resource_type VARCHAR(20)  NOT NULL,
    resource_id   VARCHAR(64)  NOT NULL,
    read_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    position      BIGINT       NOT NULL
);

CREATE INDEX audit_read_by_actor ON audit_read (actor_id, position);
CREATE INDEX audit_read_by_customer ON audit_read (customer_id, position);

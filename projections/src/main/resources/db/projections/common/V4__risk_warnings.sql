-- Early warnings, and the little state the rules need (complaints and session sentiment per customer).
-- Rebuildable from the events; cleared on reset.

CREATE TABLE risk_warning (
    -- derived from the triggering event and the reason, so a replay or a redelivery cannot raise it twice
    warning_id      VARCHAR(400)  NOT NULL PRIMARY KEY,
    customer_id     VARCHAR(64)   NOT NULL,
    reason          VARCHAR(40)   NOT NULL,
    subject_type    VARCHAR(20)   NOT NULL,
    subject_id      VARCHAR(64)   NOT NULL,
    detail          VARCHAR(1000) NOT NULL,
    raised_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    global_position BIGINT        NOT NULL
);

CREATE INDEX risk_warning_by_customer ON risk_warning (customer_id, raised_at);
CREATE INDEX risk_warning_by_time ON risk_warning (raised_at, warning_id);

CREATE TABLE risk_complaint (
    complaint_id VARCHAR(64) NOT NULL PRIMARY KEY,
    customer_id  VARCHAR(64) NOT NULL,
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX risk_complaint_by_customer ON risk_complaint (customer_id, received_at);

CREATE TABLE risk_session (
    session_id    VARCHAR(64) NOT NULL PRIMARY KEY,
    customer_id   VARCHAR(64) NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the session's latest sentiment score and the sequence number of the event that set it
    last_score    DOUBLE PRECISION,
    last_sequence BIGINT NOT NULL
);

CREATE INDEX risk_session_by_customer ON risk_session (customer_id, started_at);

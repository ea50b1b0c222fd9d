-- The complaint read model: one row per complaint, its clocks as the ledger recorded them, and an index of
-- sessions by channel (for complaints per 1,000 sessions). Rebuildable from the events; cleared on reset.

CREATE TABLE complaint_summary (
    complaint_id          VARCHAR(64)   NOT NULL PRIMARY KEY,
    customer_id           VARCHAR(64)   NOT NULL,
    sessions              VARCHAR(1400),
    channel               VARCHAR(20)   NOT NULL,
    product               VARCHAR(64)   NOT NULL,
    sub_product           VARCHAR(64),
    category              VARCHAR(64)   NOT NULL,
    sub_category          VARCHAR(64),
    description           TEXT,
    -- amounts exactly as recorded (a decimal string): the read model never rescales money
    amount_in_dispute     VARCHAR(40),
    dispute_currency      VARCHAR(3),
    jurisdiction          VARCHAR(16)   NOT NULL,
    regime                VARCHAR(20)   NOT NULL,
    state                 VARCHAR(24)   NOT NULL,
    received_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    acknowledged_at       TIMESTAMP WITH TIME ZONE,
    handler_id            VARCHAR(64),
    team                  VARCHAR(64),
    holding_response_at   TIMESTAMP WITH TIME ZONE,
    extension_tier        INTEGER       NOT NULL,
    -- the final response of the current round (cleared on reopening) and of the first round (for statistics)
    resolved_at           TIMESTAMP WITH TIME ZONE,
    first_resolved_at     TIMESTAMP WITH TIME ZONE,
    outcome               VARCHAR(20),
    redress_amount        VARCHAR(40),
    redress_currency      VARCHAR(3),
    redress_non_monetary  TEXT,
    summary_resolution    BOOLEAN,
    referred_to           VARCHAR(20),
    reopened              INTEGER       NOT NULL,
    -- the first round's final-response deadline as last recorded before its final response (null while stopped)
    first_final_due_at    TIMESTAMP WITH TIME ZONE,
    ever_breached         BOOLEAN       NOT NULL,
    version               BIGINT        NOT NULL
);

CREATE INDEX complaint_summary_by_customer ON complaint_summary (customer_id, received_at);
CREATE INDEX complaint_summary_by_received ON complaint_summary (received_at, complaint_id);

CREATE TABLE complaint_clock (
    complaint_id  VARCHAR(64)  NOT NULL,
    clock_type    VARCHAR(40)  NOT NULL,
    due_date      DATE,
    due_at        TIMESTAMP WITH TIME ZONE,
    paused        BOOLEAN      NOT NULL,
    breachable    BOOLEAN      NOT NULL,
    basis         VARCHAR(1000) NOT NULL,
    warned_at     TIMESTAMP WITH TIME ZONE,
    breached_at   TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (complaint_id, clock_type)
);

CREATE INDEX complaint_clock_by_due ON complaint_clock (due_at);

CREATE TABLE complaint_session_index (
    session_id  VARCHAR(64) NOT NULL PRIMARY KEY,
    channel     VARCHAR(20) NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX complaint_session_index_by_start ON complaint_session_index (started_at);

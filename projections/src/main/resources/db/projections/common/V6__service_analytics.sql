-- One row per session with the facts the satisfaction and service-efficiency figures are computed from.
-- No personal data: no customer, no text. Rebuildable from the events; cleared on reset.
CREATE TABLE analytics_session (
    session_id                  VARCHAR(64)  NOT NULL PRIMARY KEY,
    channel                     VARCHAR(20)  NOT NULL,
    started_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    started_in_queue            BOOLEAN      NOT NULL,
    continued_from_other        BOOLEAN      NOT NULL,
    first_queue                 VARCHAR(64),
    first_intent                VARCHAR(100),
    first_customer_message_at   TIMESTAMP WITH TIME ZONE,
    first_reply_at              TIMESTAMP WITH TIME ZONE,
    handoff_at                  TIMESTAMP WITH TIME ZONE,
    first_agent_reply_after_handoff_at TIMESTAMP WITH TIME ZONE,
    first_assigned_at           TIMESTAMP WITH TIME ZONE,
    current_agent               VARCHAR(64),
    handling_agent              VARCHAR(64),
    queue_entered_at            TIMESTAMP WITH TIME ZONE,
    queue_millis                BIGINT       NOT NULL,
    transfers                   INTEGER      NOT NULL,
    outcome                     VARCHAR(20)  NOT NULL,
    resolved_by                 VARCHAR(10),
    first_contact_resolution    BOOLEAN,
    ended_at                    TIMESTAMP WITH TIME ZONE,
    continued_elsewhere         BOOLEAN      NOT NULL,
    closed_at                   TIMESTAMP WITH TIME ZONE,
    csat                        INTEGER,
    nps                         INTEGER,
    version                     BIGINT       NOT NULL
);

CREATE INDEX analytics_session_by_start ON analytics_session (started_at);

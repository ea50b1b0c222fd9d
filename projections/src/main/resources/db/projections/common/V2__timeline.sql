-- The agent timeline: one row per session (where it stands) and one row per event (what happened).
-- Rebuildable from the events at any time; the projection clears both tables on reset.

CREATE TABLE timeline_session (
    session_id               VARCHAR(64)  NOT NULL PRIMARY KEY,
    customer_id              VARCHAR(64)  NOT NULL,
    channel                  VARCHAR(20)  NOT NULL,
    social_network           VARCHAR(20),
    entry_point              VARCHAR(200),
    language                 VARCHAR(35),
    state                    VARCHAR(32)  NOT NULL,
    started_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at                 TIMESTAMP WITH TIME ZONE,
    queue                    VARCHAR(64),
    agent_id                 VARCHAR(64),
    continued_from           VARCHAR(64),
    continued_to             VARCHAR(64),
    handoff_context          TEXT,
    last_intent              VARCHAR(100),
    last_sentiment           DOUBLE PRECISION,
    resolution_code          VARCHAR(64),
    first_contact_resolution BOOLEAN,
    csat                     INTEGER,
    nps                      INTEGER,
    message_count            INTEGER      NOT NULL,
    -- sequence number of the last event applied: an event at or below it is a redelivery and changes nothing
    version                  BIGINT       NOT NULL
);

CREATE INDEX timeline_session_by_customer ON timeline_session (customer_id, started_at, session_id);

CREATE TABLE timeline_entry (
    session_id      VARCHAR(64)  NOT NULL,
    sequence_number BIGINT       NOT NULL,
    global_position BIGINT       NOT NULL,
    event_id        VARCHAR(64)  NOT NULL,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    kind            VARCHAR(32)  NOT NULL,
    actor_role      VARCHAR(20),
    actor_id        VARCHAR(64),
    content         TEXT,
    -- the event's remaining fields as a JSON object
    details         TEXT         NOT NULL,
    PRIMARY KEY (session_id, sequence_number)
);

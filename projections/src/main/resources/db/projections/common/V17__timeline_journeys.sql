-- The journey each session belongs to: its own first session's id, or that of the session it continues (sessions
-- linked by continuation across channels form one journey). Kept by the timeline read model.
ALTER TABLE timeline_session ADD COLUMN journey_id VARCHAR(64);

-- Sessions applied before this column: a session that continues none starts its journey; a continuation takes its
-- predecessor's, one link per statement (journeys of more than eight switches: rebuild the timeline once).
UPDATE timeline_session SET journey_id = session_id WHERE continued_from IS NULL;
UPDATE timeline_session t SET journey_id = (SELECT p.journey_id FROM timeline_session p WHERE p.session_id = t.continued_from) WHERE t.journey_id IS NULL;
UPDATE timeline_session t SET journey_id = (SELECT p.journey_id FROM timeline_session p WHERE p.session_id = t.continued_from) WHERE t.journey_id IS NULL;
UPDATE timeline_session t SET journey_id = (SELECT p.journey_id FROM timeline_session p WHERE p.session_id = t.continued_from) WHERE t.journey_id IS NULL;
UPDATE timeline_session t SET journey_id = (SELECT p.journey_id FROM timeline_session p WHERE p.session_id = t.continued_from) WHERE t.journey_id IS NULL;
UPDATE timeline_session t SET journey_id = (SELECT p.journey_id FROM timeline_session p WHERE p.session_id = t.continued_from) WHERE t.journey_id IS NULL;
UPDATE timeline_session t SET journey_id = (SELECT p.journey_id FROM timeline_session p WHERE p.session_id = t.continued_from) WHERE t.journey_id IS NULL;
UPDATE timeline_session t SET journey_id = (SELECT p.journey_id FROM timeline_session p WHERE p.session_id = t.continued_from) WHERE t.journey_id IS NULL;
UPDATE timeline_session t SET journey_id = (SELECT p.journey_id FROM timeline_session p WHERE p.session_id = t.continued_from) WHERE t.journey_id IS NULL;
-- A continuation whose predecessor the timeline never saw starts a journey of its own.
UPDATE timeline_session SET journey_id = session_id WHERE journey_id IS NULL;

CREATE INDEX timeline_session_by_journey ON timeline_session (customer_id, journey_id);

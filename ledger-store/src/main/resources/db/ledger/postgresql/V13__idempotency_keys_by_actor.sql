-- An Idempotency-Key belongs to the caller who sent it: a command's key is (actor, key), the actor being the one the
-- verified token proves, so two callers who happen to choose the same key send two independent commands, and no
-- caller can block another's retries by using its key first. (H2 has the same migration in its own SQL.)
ALTER TABLE command_idempotency ADD COLUMN actor_id VARCHAR(64);

-- The keys recorded before are their first command's actor's: the one its events name (every command sent with a
-- key came through the HTTP edge, which puts the token's actor into every event's metadata). The outcome is written
-- in the events' own transaction, so its first event is always there.
UPDATE command_idempotency
   SET actor_id = convert_from(e.metadata, 'UTF8')::jsonb ->> 'actorId'
  FROM domainevententry e
 WHERE e.eventidentifier = command_idempotency.outcome::jsonb -> 'events' -> 0 ->> 'eventId';
-- Were there one whose actor cannot be told, no caller's key would match it; the purge removes it with its age.
UPDATE command_idempotency SET actor_id = '' WHERE actor_id IS NULL;

ALTER TABLE command_idempotency ALTER COLUMN actor_id SET NOT NULL;
ALTER TABLE command_idempotency DROP CONSTRAINT command_idempotency_pkey;
ALTER TABLE command_idempotency ADD PRIMARY KEY (actor_id, idempotency_key);

-- Outcomes are operational records, not evidence (the events are): they are kept for ledger.idempotency.retention
-- and then deleted by IdempotencyPurge, oldest first, through this index.
CREATE INDEX command_idempotency_by_age ON command_idempotency (recorded_at);

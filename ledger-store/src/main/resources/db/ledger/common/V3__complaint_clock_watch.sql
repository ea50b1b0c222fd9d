-- The complaint clocks that can still run out (breachable, not stopped, complaint open, step not done), kept by
-- ComplaintClockWatch in the same transaction as the complaint's events; ComplaintClockWatcher polls it.
CREATE TABLE complaint_clock_watch (
    complaint_id     VARCHAR(64)              NOT NULL,
    clock_type       VARCHAR(40)              NOT NULL,
    due_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    warning_recorded BOOLEAN                  NOT NULL,
    PRIMARY KEY (complaint_id, clock_type)
);

CREATE INDEX complaint_clock_watch_by_due ON complaint_clock_watch (due_at);

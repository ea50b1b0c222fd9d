-- Whether a clock's due date is provisional: worked out with days its business calendar did not cover (only
-- weekends known there), to be worked out again once the calendar is extended (ComplaintClocksSet revision 2).
ALTER TABLE complaint_clock ADD COLUMN provisional BOOLEAN DEFAULT FALSE NOT NULL;

-- Clocks applied before this column, from revision 1 events: provisional exactly when the basis carries the coverage
-- warning revision 1 wrote then (the rule of ComplaintClocksSetUpcaster, so a rebuild gives the same rows).
UPDATE complaint_clock SET provisional = TRUE WHERE basis LIKE '%; WARNING: the %';

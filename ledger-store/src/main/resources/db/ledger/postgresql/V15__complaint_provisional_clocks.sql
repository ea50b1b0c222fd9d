-- The open complaints whose recorded clocks are provisional: worked out with days beyond their business calendar's
-- coverage (only weekends known there). Kept by ProvisionalClocks in the same transaction as the complaint's
-- events; the command side's ComplaintClockRecomputer reads it to find the complaints a calendar that covers
-- further must recompute. Not evidence (the ComplaintClocksSet events are) and not append-only: one row per
-- complaint, gone once its clocks are no longer provisional, it is resolved or referred, or its customer erased.
-- calendar_covered_until is the last day the calendar of its clocks covered (null: not recorded, the clocks were
-- set before revision 2 of ComplaintClocksSet named the calendar). (H2 has the same migration in its own SQL.)
CREATE TABLE complaint_provisional_clocks (
    complaint_id           VARCHAR(64) NOT NULL PRIMARY KEY,
    customer_id            VARCHAR(64) NOT NULL,
    jurisdiction           VARCHAR(16) NOT NULL,
    calendar_covered_until DATE
);

CREATE INDEX complaint_provisional_clocks_by_jurisdiction ON complaint_provisional_clocks (jurisdiction);
CREATE INDEX complaint_provisional_clocks_by_customer ON complaint_provisional_clocks (customer_id);

-- Clocks recorded before this table (revision 1): a complaint whose latest clock-related event is a ComplaintClocksSet
-- (not a resolution or a referral, which stop the clocks) with a clock whose basis carries the coverage warning
-- revision 1 wrote exactly when a clock needed days beyond the calendar (ComplaintClocksSetUpcaster reads the same
-- mark). Clocks and ids are never sealed; only the reason is.
INSERT INTO complaint_provisional_clocks (complaint_id, customer_id, jurisdiction, calendar_covered_until)
SELECT aggregateidentifier, payload ->> 'customerId',
       CASE WHEN payload -> 'clocks' -> 0 ->> 'type' = 'NFRA_DECISION' THEN 'CN_NFRA'
            WHEN payload -> 'clocks' -> 0 ->> 'type' LIKE 'FCA\_%' THEN 'UK_FCA'
            ELSE 'US_CFPB' END,
       NULL
  FROM (SELECT aggregateidentifier, payloadtype, convert_from(payload, 'UTF8')::jsonb AS payload,
               ROW_NUMBER() OVER (PARTITION BY aggregateidentifier ORDER BY globalindex DESC) AS latest
          FROM domainevententry
         WHERE payloadtype IN ('com.interactionledger.contracts.complaint.ComplaintClocksSet',
                               'com.interactionledger.contracts.complaint.ComplaintResolved',
                               'com.interactionledger.contracts.complaint.ComplaintReferred')) latest_events
 WHERE latest = 1
   AND payloadtype = 'com.interactionledger.contracts.complaint.ComplaintClocksSet'
   AND EXISTS (SELECT 1 FROM jsonb_array_elements(payload -> 'clocks') AS clock
                WHERE clock ->> 'basis' LIKE '%; WARNING: the %');

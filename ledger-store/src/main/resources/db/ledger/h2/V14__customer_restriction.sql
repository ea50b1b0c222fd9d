-- Whether each customer's processing is restricted (GDPR Art. 18, PIPL Art. 47), as the ledger knows it: written by
-- the append path in the same transaction as the CustomerRestricted / CustomerRestrictionLifted event it follows, so
-- the read API refuses a restricted customer's data from the moment the restriction's command is answered, on every
-- instance, without waiting for the privacy read model. Not evidence (the events are) and not append-only: one row
-- per customer, the latest decision and the global position of its event. (PostgreSQL has the same migration in its
-- own SQL.)
CREATE TABLE ledger_customer_restriction (
    customer_id VARCHAR(64) NOT NULL PRIMARY KEY,
    restricted  BOOLEAN     NOT NULL,
    position    BIGINT      NOT NULL
);

-- Restrictions decided before this table existed: each customer's latest decision among the events already stored.
-- H2 reads the payload's customer id by pattern: the ledger's own serializer wrote it, and ids never need escaping.
INSERT INTO ledger_customer_restriction (customer_id, restricted, position)
SELECT customer_id, restricted, globalindex
  FROM (SELECT customer_id, restricted, globalindex,
               ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY globalindex DESC) AS latest
          FROM (SELECT REGEXP_SUBSTR(UTF8TOSTRING(payload), '"customerId":"([^"]*)"', 1, 1, NULL, 1) AS customer_id,
                       payloadtype LIKE '%CustomerRestricted' AS restricted, globalindex
                  FROM domainevententry
                 WHERE payloadtype LIKE '%CustomerRestricted'
                    OR payloadtype LIKE '%CustomerRestrictionLifted') decisions) latest_decisions
 WHERE latest = 1;

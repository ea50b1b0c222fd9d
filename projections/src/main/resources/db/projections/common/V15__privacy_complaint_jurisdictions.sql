-- Each complaint's jurisdiction and last activity, for the retention rules: a complaint's period depends on its
-- regulator (ledger.privacy.retention.complaints-by-jurisdiction). Rebuildable from the events.
CREATE TABLE privacy_complaint (
    complaint_id  VARCHAR(80) NOT NULL PRIMARY KEY,
    customer_id   VARCHAR(64) NOT NULL,
    jurisdiction  VARCHAR(20),
    last_at       TIMESTAMP WITH TIME ZONE,
    version       BIGINT      NOT NULL
);

CREATE INDEX privacy_complaint_by_customer ON privacy_complaint (customer_id);

-- Complaints applied before this table: their jurisdictions are not known until the privacy read model is rebuilt.
-- One row per such customer with no jurisdiction keeps their last complaint activity under the longest complaint
-- period configured (kept too long rather than erased too soon).
INSERT INTO privacy_complaint (complaint_id, customer_id, jurisdiction, last_at, version)
SELECT 'before-V15-' || customer_id, customer_id, NULL, last_complaint_at, version
FROM privacy_customer WHERE last_complaint_at IS NOT NULL;

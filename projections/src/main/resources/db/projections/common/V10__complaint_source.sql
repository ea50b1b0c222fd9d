-- Complaints brought from another register (ComplaintSourceRecorded): what the source says of each, word for word,
-- beside the ledger's own state, outcome and clocks. Null for complaints lodged on the ledger.
ALTER TABLE complaint_summary ADD COLUMN source_system VARCHAR(20);
ALTER TABLE complaint_summary ADD COLUMN source_record_id VARCHAR(64);
ALTER TABLE complaint_summary ADD COLUMN source_channel VARCHAR(40);
ALTER TABLE complaint_summary ADD COLUMN sent_to_company_on DATE;
ALTER TABLE complaint_summary ADD COLUMN company_response VARCHAR(200);
ALTER TABLE complaint_summary ADD COLUMN source_timely BOOLEAN;
ALTER TABLE complaint_summary ADD COLUMN source_disputed BOOLEAN;
ALTER TABLE complaint_summary ADD COLUMN company VARCHAR(200);
-- Other registers' product and issue names are longer than the ledger's own codes (the CFPB's "Credit reporting,
-- credit repair services, or other personal consumer reports" is 78 characters).
ALTER TABLE complaint_summary ALTER COLUMN product SET DATA TYPE VARCHAR(200);
ALTER TABLE complaint_summary ALTER COLUMN sub_product SET DATA TYPE VARCHAR(200);
ALTER TABLE complaint_summary ALTER COLUMN category SET DATA TYPE VARCHAR(200);
ALTER TABLE complaint_summary ALTER COLUMN sub_category SET DATA TYPE VARCHAR(200);

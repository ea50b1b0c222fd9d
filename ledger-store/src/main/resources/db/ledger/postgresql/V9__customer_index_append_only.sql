-- The customer index is append-only like the events it points to.
CREATE TRIGGER ledger_customer_event_append_only
    BEFORE UPDATE OR DELETE ON ledger_customer_event
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_rewrite();

CREATE TRIGGER ledger_customer_event_no_truncate
    BEFORE TRUNCATE ON ledger_customer_event
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_rewrite();

-- Links and digests are evidence: append-only like the events they cover (the head row is a lock and a cache).
CREATE TRIGGER ledger_chain_append_only
    BEFORE UPDATE OR DELETE ON ledger_chain
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_rewrite();

CREATE TRIGGER ledger_chain_no_truncate
    BEFORE TRUNCATE ON ledger_chain
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_rewrite();

CREATE TRIGGER ledger_digest_append_only
    BEFORE UPDATE OR DELETE ON ledger_digest
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_rewrite();

CREATE TRIGGER ledger_digest_no_truncate
    BEFORE TRUNCATE ON ledger_digest
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_rewrite();

-- Messages by who wrote them, per session, for the efficiency figures customerMessages, agentMessages and
-- botMessages (docs/ANALYTICS.md); transfers were counted per session already. One statement for both dialects, as
-- V11 is. Rows stored before this migration count 0 messages until the read model is rebuilt
-- (POST /projections/service-analytics/rebuild).
ALTER TABLE analytics_session ADD COLUMN customer_messages INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE analytics_session ADD COLUMN agent_messages INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE analytics_session ADD COLUMN bot_messages INTEGER DEFAULT 0 NOT NULL;

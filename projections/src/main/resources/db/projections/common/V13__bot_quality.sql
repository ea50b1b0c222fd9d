-- The bot-quality read model (docs/BOT-ANSWERS.md): bots' answers with their basis and outcome, the sessions they
-- were given in, and the knowledge articles' versions. No personal data: no text, no quoted utterance; customer_id
-- only to leave restricted customers out and to forget an erased customer's rows. Rebuildable; cleared on reset.
-- A session has a row once it has an intent or an answer.
CREATE TABLE bot_quality_session (
    session_id      VARCHAR(64)   NOT NULL PRIMARY KEY,
    customer_id     VARCHAR(64)   NOT NULL,
    last_intent     VARCHAR(100),
    -- the answers whose escalation window is open: "<message id>@<further answers left>" separated by ";"
    open_answers    VARCHAR(4000) NOT NULL,
    resolved_by_bot BOOLEAN       NOT NULL,
    version         BIGINT        NOT NULL
);

CREATE TABLE bot_quality_answer (
    answer_key        VARCHAR(140)  NOT NULL PRIMARY KEY,
    session_id        VARCHAR(64)   NOT NULL,
    message_id        VARCHAR(64)   NOT NULL,
    customer_id       VARCHAR(64)   NOT NULL,
    channel           VARCHAR(20)   NOT NULL,
    answered_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    model_name        VARCHAR(100)  NOT NULL,
    model_version     VARCHAR(50)   NOT NULL,
    prompt_version    VARCHAR(100),
    intent            VARCHAR(100),
    confidence        DOUBLE PRECISION NOT NULL,
    human_approved    BOOLEAN       NOT NULL,
    -- the articles quoted, "<article id>@<version>" separated by ";", most relevant first
    articles          VARCHAR(2000) NOT NULL,
    escalated         BOOLEAN       NOT NULL,
    corrected         BOOLEAN       NOT NULL,
    correction_reason VARCHAR(64),
    version           BIGINT        NOT NULL
);

CREATE INDEX bot_quality_answer_by_time ON bot_quality_answer (answered_at);

-- One row per article version ("<article id>#<version>") and per withdrawal ("<article id>#withdrawn").
CREATE TABLE bot_quality_article (
    version_key     VARCHAR(80)   NOT NULL PRIMARY KEY,
    article_id      VARCHAR(64)   NOT NULL,
    article_version INTEGER       NOT NULL,
    title           VARCHAR(300),
    product         VARCHAR(64),
    effective_from  TIMESTAMP WITH TIME ZONE NOT NULL,
    withdrawn       BOOLEAN       NOT NULL,
    version         BIGINT        NOT NULL
);

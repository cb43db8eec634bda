-- Platform data the console operates on. InnoDB, utf8mb4, case-insensitive collation so that
-- name and email lookups forgive case in Latin and Cyrillic alike.

CREATE TABLE app_user (
    id                          BIGINT       NOT NULL AUTO_INCREMENT,
    username                    VARCHAR(64)  NOT NULL,
    display_name                VARCHAR(128) NOT NULL,
    email                       VARCHAR(254),
    telegram_user_id            BIGINT       NOT NULL,
    status                      VARCHAR(16)  NOT NULL DEFAULT 'active',
    created_at                  DATETIME(3)  NOT NULL,
    last_seen_at                DATETIME(3),
    conversation_retention_days INT,
    locale                      VARCHAR(16)  NOT NULL DEFAULT 'en',
    theme                       VARCHAR(16)  NOT NULL DEFAULT 'system',
    birth_year                  SMALLINT,
    possible_minor              BOOLEAN      NOT NULL DEFAULT FALSE,
    processing_restricted       BOOLEAN      NOT NULL DEFAULT FALSE,
    processing_objected         BOOLEAN      NOT NULL DEFAULT FALSE,
    version                     INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT app_user_status_chk CHECK (status IN ('active', 'suspended', 'restricted', 'deleted'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE UNIQUE INDEX app_user_username_uq ON app_user (username);
CREATE UNIQUE INDEX app_user_email_uq ON app_user (email);
CREATE UNIQUE INDEX app_user_telegram_uq ON app_user (telegram_user_id);
CREATE INDEX app_user_display_name_idx ON app_user (display_name);
CREATE INDEX app_user_created_idx ON app_user (created_at);
CREATE INDEX app_user_last_seen_idx ON app_user (last_seen_at);

CREATE TABLE user_session (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    user_id      BIGINT        NOT NULL,
    started_at   DATETIME(3)   NOT NULL,
    ended_at     DATETIME(3),
    ip           VARBINARY(16) NOT NULL,
    user_agent   VARCHAR(512),
    device_type  VARCHAR(16),
    browser      VARCHAR(64),
    os           VARCHAR(64),
    country_code CHAR(2),
    region       VARCHAR(64),
    PRIMARY KEY (id),
    CONSTRAINT user_session_user_fk FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX user_session_user_idx ON user_session (user_id, started_at);
CREATE INDEX user_session_ip_idx ON user_session (ip);

-- Large: partitioned by month so that the 12-month purge drops partitions instead of deleting rows.
-- Partitioned InnoDB tables cannot carry foreign keys; erasure and the residual scan cover it instead.
-- The console adds monthly partitions ahead of time (UsagePartitionService); the first one added
-- absorbs everything older than its bound.
CREATE TABLE usage_event (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    occurred_at    DATETIME(3)   NOT NULL,
    user_id        BIGINT        NOT NULL,
    session_id     BIGINT,
    provider       VARCHAR(32)   NOT NULL,
    model          VARCHAR(64)   NOT NULL,
    feature        VARCHAR(32)   NOT NULL,
    input_tokens   INT           NOT NULL,
    output_tokens  INT           NOT NULL,
    tokens_charged BIGINT        NOT NULL,
    latency_ms     INT           NOT NULL,
    status         VARCHAR(16)   NOT NULL,
    ip             VARBINARY(16),
    PRIMARY KEY (id, occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
/* [jooq ignore start] */
PARTITION BY RANGE (TO_DAYS(occurred_at)) (
    PARTITION p_initial VALUES LESS THAN (TO_DAYS('2020-01-01'))
)
/* [jooq ignore stop] */;

-- covers the user page's per-day chart (model and tokens charged) without touching the rows
CREATE INDEX usage_event_user_idx ON usage_event (user_id, occurred_at, model, tokens_charged);
CREATE INDEX usage_event_occurred_idx ON usage_event (occurred_at);
CREATE INDEX usage_event_ip_idx ON usage_event (ip);

CREATE TABLE payment (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    channel          VARCHAR(64)  NOT NULL,
    external_id      VARCHAR(128) NOT NULL,
    user_id          BIGINT,
    subject_pseudonym VARCHAR(64),
    amount_minor     BIGINT       NOT NULL,
    currency         CHAR(3)      NOT NULL,
    tokens           BIGINT       NOT NULL,
    product_id       VARCHAR(64),
    status           VARCHAR(16)  NOT NULL,
    paid_at          DATETIME(3)  NOT NULL,
    created_at       DATETIME(3)  NOT NULL,
    updated_at       DATETIME(3)  NOT NULL,
    raw_event        LONGTEXT,
    PRIMARY KEY (id),
    CONSTRAINT payment_user_fk FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT payment_status_chk CHECK (status IN ('succeeded', 'refunded', 'charged_back'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE UNIQUE INDEX payment_channel_external_uq ON payment (channel, external_id);
CREATE INDEX payment_external_idx ON payment (external_id);
CREATE INDEX payment_user_idx ON payment (user_id, paid_at);
CREATE INDEX payment_created_idx ON payment (created_at);

-- Conversation content is encrypted at rest (AES-256-GCM, nonce prefixed to the ciphertext).
CREATE TABLE conversation (
    id         BIGINT         NOT NULL AUTO_INCREMENT,
    user_id    BIGINT         NOT NULL,
    model      VARCHAR(64)    NOT NULL,
    title_enc  VARBINARY(1024),
    created_at DATETIME(3)    NOT NULL,
    updated_at DATETIME(3)    NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT conversation_user_fk FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX conversation_user_idx ON conversation (user_id, updated_at);

CREATE TABLE conversation_message (
    id              BIGINT      NOT NULL AUTO_INCREMENT,
    conversation_id BIGINT      NOT NULL,
    role            VARCHAR(16) NOT NULL,
    content_enc     MEDIUMBLOB  NOT NULL,
    tokens          INT         NOT NULL,
    created_at      DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT conversation_message_conv_fk FOREIGN KEY (conversation_id) REFERENCES conversation (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX conversation_message_conv_idx ON conversation_message (conversation_id, created_at);
CREATE INDEX conversation_message_created_idx ON conversation_message (created_at);

-- Append-only. Every balance change is one row here and one update of token_balance in the same
-- transaction (TokenLedgerService); balance = sum(delta) per user, always.
CREATE TABLE token_ledger (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    user_id         BIGINT       NOT NULL,
    delta           BIGINT       NOT NULL,
    balance_after   BIGINT       NOT NULL,
    kind            VARCHAR(16)  NOT NULL,
    reference       VARCHAR(128),
    actor           VARCHAR(64)  NOT NULL,
    reason          VARCHAR(512),
    idempotency_key VARCHAR(128) NOT NULL,
    created_at      DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT token_ledger_user_fk FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT token_ledger_kind_chk CHECK (kind IN ('purchase', 'usage', 'adjustment', 'refund', 'chargeback', 'bonus', 'expiry'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE UNIQUE INDEX token_ledger_idempotency_uq ON token_ledger (idempotency_key);
CREATE INDEX token_ledger_user_idx ON token_ledger (user_id, id);
CREATE INDEX token_ledger_created_idx ON token_ledger (created_at);

CREATE TABLE token_balance (
    user_id    BIGINT      NOT NULL,
    balance    BIGINT      NOT NULL,
    updated_at DATETIME(3) NOT NULL,
    PRIMARY KEY (user_id),
    CONSTRAINT token_balance_user_fk FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

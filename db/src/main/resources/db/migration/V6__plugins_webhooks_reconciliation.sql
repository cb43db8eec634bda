-- Plugin host state, the webhook inbox and provider reconciliation (plugins issue).

-- Whether an operator enabled or disabled a plugin; a plugin without a row is enabled.
CREATE TABLE plugin_state (
    plugin_id  VARCHAR(64) NOT NULL,
    enabled    BOOLEAN     NOT NULL,
    updated_by VARCHAR(64) NOT NULL,
    updated_at DATETIME(3) NOT NULL,
    PRIMARY KEY (plugin_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every webhook delivery as received, verified or not, with what became of it.
CREATE TABLE webhook_inbox (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    channel_id       VARCHAR(64)  NOT NULL,
    received_at      DATETIME(3)  NOT NULL,
    headers          TEXT         NOT NULL,
    body             MEDIUMBLOB   NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    outcome          VARCHAR(500) NOT NULL,
    event_kind       VARCHAR(16),
    external_id      VARCHAR(128),
    telegram_user_id BIGINT,
    user_id          BIGINT,
    tokens           BIGINT,
    replayed_by      VARCHAR(64),
    updated_at       DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT webhook_inbox_status_chk CHECK (status IN
        ('applied', 'duplicate', 'ignored', 'rejected', 'malformed', 'unmatched', 'failed', 'replayed'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX webhook_inbox_status_idx ON webhook_inbox (status, received_at);
CREATE INDEX webhook_inbox_received_idx ON webhook_inbox (received_at);
CREATE INDEX webhook_inbox_external_idx ON webhook_inbox (channel_id, external_id);

-- The provider's reported usage and cost against ours, per provider, day and model; rewritten per run.
CREATE TABLE reconciliation_diff (
    provider         VARCHAR(32)    NOT NULL,
    day              DATE           NOT NULL,
    model            VARCHAR(64)    NOT NULL,
    provider_input   BIGINT,
    provider_output  BIGINT,
    provider_cost    DECIMAL(18, 6),
    our_input        BIGINT         NOT NULL,
    our_output       BIGINT         NOT NULL,
    our_cost         DECIMAL(18, 6),
    note             VARCHAR(255),
    checked_at       DATETIME(3)    NOT NULL,
    PRIMARY KEY (provider, day, model)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX reconciliation_diff_day_idx ON reconciliation_diff (day);

-- Support desk: token adjustments with four-eyes approval, and each agent's recent searches and users.

CREATE TABLE token_adjustment (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    user_id         BIGINT        NOT NULL,
    delta           BIGINT        NOT NULL,
    reason_code     VARCHAR(32)   NOT NULL,
    comment         VARCHAR(1000) NOT NULL,
    ticket          VARCHAR(128),
    allow_negative  BOOLEAN       NOT NULL DEFAULT FALSE,
    status          VARCHAR(16)   NOT NULL,
    requested_by    VARCHAR(64)   NOT NULL,
    requested_at    DATETIME(3)   NOT NULL,
    decided_by      VARCHAR(64),
    decided_at      DATETIME(3),
    decision_note   VARCHAR(1000),
    ledger_entry_id BIGINT,
    batch_id        BIGINT,
    version         INT           NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT token_adjustment_user_fk FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT token_adjustment_status_chk CHECK (status IN ('pending', 'applied', 'rejected')),
    CONSTRAINT token_adjustment_reason_chk CHECK (reason_code IN ('goodwill', 'compensation', 'correction', 'fraud_reversal', 'other'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX token_adjustment_status_idx ON token_adjustment (status, requested_at);
CREATE INDEX token_adjustment_user_idx ON token_adjustment (user_id, requested_at);

CREATE TABLE staff_recent (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    staff      VARCHAR(64)  NOT NULL,
    kind       VARCHAR(16)  NOT NULL,
    value      VARCHAR(254) NOT NULL,
    used_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE UNIQUE INDEX staff_recent_uq ON staff_recent (staff, kind, value);
CREATE INDEX staff_recent_staff_idx ON staff_recent (staff, kind, used_at);

-- Console data: staff, audit, privacy, exports, abuse, plugins, pricing and routing, scheduler.

CREATE TABLE staff_account (
    id                   BIGINT       NOT NULL AUTO_INCREMENT,
    username             VARCHAR(64)  NOT NULL,
    display_name         VARCHAR(128) NOT NULL,
    password_hash        VARCHAR(255) NOT NULL,
    enabled              BOOLEAN      NOT NULL DEFAULT TRUE,
    must_change_password BOOLEAN      NOT NULL DEFAULT TRUE,
    totp_secret_enc      VARBINARY(256),
    failed_logins        INT          NOT NULL DEFAULT 0,
    locked_until         DATETIME(3),
    locale               VARCHAR(8)   NOT NULL DEFAULT 'en',
    theme                VARCHAR(8)   NOT NULL DEFAULT 'light',
    created_at           DATETIME(3)  NOT NULL,
    updated_at           DATETIME(3)  NOT NULL,
    last_login_at        DATETIME(3),
    version              INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE UNIQUE INDEX staff_account_username_uq ON staff_account (username);

CREATE TABLE staff_role (
    staff_id BIGINT      NOT NULL,
    role     VARCHAR(32) NOT NULL,
    PRIMARY KEY (staff_id, role),
    CONSTRAINT staff_role_staff_fk FOREIGN KEY (staff_id) REFERENCES staff_account (id) ON DELETE CASCADE,
    CONSTRAINT staff_role_chk CHECK (role IN ('SUPPORT', 'OPERATOR', 'ANALYST', 'PRIVACY_OFFICER', 'ADMIN'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Append-only and hash-chained. Events are spread over 16 independent chains (by target), so
-- audited transactions do not all queue on one lock: each row's hash covers its content and the
-- previous row's hash in the same chain. audit_chain_head holds each chain's last sequence number,
-- id and hash; appending locks that chain's head, which orders the chain and lets verification
-- notice a deleted tail.
CREATE TABLE audit_event (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    chain_no    TINYINT      NOT NULL,
    seq         BIGINT       NOT NULL,
    occurred_at DATETIME(6)  NOT NULL,
    actor       VARCHAR(64)  NOT NULL,
    action      VARCHAR(64)  NOT NULL,
    target_type VARCHAR(32),
    target_id   VARCHAR(128),
    details     TEXT,
    prev_hash   CHAR(64)     NOT NULL,
    hash        CHAR(64)     NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE UNIQUE INDEX audit_event_chain_seq_uq ON audit_event (chain_no, seq);
CREATE INDEX audit_event_target_idx ON audit_event (target_type, target_id, id);
CREATE INDEX audit_event_actor_idx ON audit_event (actor, id);
CREATE INDEX audit_event_action_idx ON audit_event (action, id);

CREATE TABLE audit_chain_head (
    id            TINYINT  NOT NULL,
    last_seq      BIGINT   NOT NULL,
    last_event_id BIGINT   NOT NULL,
    last_hash     CHAR(64) NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

INSERT INTO audit_chain_head (id, last_seq, last_event_id, last_hash) VALUES
    (0, 0, 0, '0000000000000000000000000000000000000000000000000000000000000000'),
    (1, 0, 0, '0000000000000000000000000000000000000000000000000000000000000000'),
    (2, 0, 0, '0000000000000000000000000000000000000000000000000000000000000000'),
    (3, 0, 0, '0000000000000000000000000000000000000000000000000000000000000000'),
    (4, 0, 0, '0000000000000000000000000000000000000000000000000000000000000000'),
    (5, 0, 0, '0000000000000000000000000000000000000000000000000000000000000000'),
    (6, 0, 0, '0000000000000000000000000000000000000000000000000000000000000000'),
    (7, 0, 0, '0000000000000000000000000000000000000000000000000000000000000000'),
    (8, 0, 0, '0000000000000000000000000000000000000000000000000000000000000000'),
    (9, 0, 0, '0000000000000000000000000000000000000000000000000000000000000000'),
    (10, 0, 0, '0000000000000000000000000000000000000000000000000000000000000000'),
    (11, 0, 0, '0000000000000000000000000000000000000000000000000000000000000000'),
    (12, 0, 0, '0000000000000000000000000000000000000000000000000000000000000000'),
    (13, 0, 0, '0000000000000000000000000000000000000000000000000000000000000000'),
    (14, 0, 0, '0000000000000000000000000000000000000000000000000000000000000000'),
    (15, 0, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE privacy_request (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    user_id           BIGINT,
    subject_reference VARCHAR(254) NOT NULL,
    type              VARCHAR(24)  NOT NULL,
    status            VARCHAR(24)  NOT NULL,
    channel           VARCHAR(16)  NOT NULL,
    jurisdiction      VARCHAR(16)  NOT NULL,
    received_at       DATETIME(3)  NOT NULL,
    due_at            DATETIME(3)  NOT NULL,
    acknowledge_by    DATETIME(3),
    extended_reason   VARCHAR(1000),
    verification      VARCHAR(32),
    verification_note VARCHAR(1000),
    prepared_by       VARCHAR(64),
    approved_by       VARCHAR(64),
    rejection_reason  VARCHAR(1000),
    completed_at      DATETIME(3),
    residual_scan     LONGTEXT,
    created_by        VARCHAR(64)  NOT NULL,
    created_at        DATETIME(3)  NOT NULL,
    version           INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT privacy_request_type_chk CHECK (type IN ('access', 'portability', 'correction', 'deletion', 'objection', 'restriction', 'reported_minor')),
    CONSTRAINT privacy_request_status_chk CHECK (status IN ('received', 'identity_verified', 'in_progress', 'awaiting_approval', 'completed', 'rejected'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX privacy_request_user_idx ON privacy_request (user_id);
CREATE INDEX privacy_request_due_idx ON privacy_request (status, due_at);

CREATE TABLE privacy_task (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    request_id  BIGINT       NOT NULL,
    data_system VARCHAR(64)  NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    attempts    INT          NOT NULL DEFAULT 0,
    result      TEXT,
    last_error  TEXT,
    started_at  DATETIME(3),
    finished_at DATETIME(3),
    PRIMARY KEY (id),
    CONSTRAINT privacy_task_request_fk FOREIGN KEY (request_id) REFERENCES privacy_request (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE UNIQUE INDEX privacy_task_request_system_uq ON privacy_task (request_id, data_system);

CREATE TABLE export_file (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    kind          VARCHAR(32)   NOT NULL,
    file_name     VARCHAR(255)  NOT NULL,
    storage_path  VARCHAR(1024) NOT NULL,
    sha256        CHAR(64)      NOT NULL,
    size_bytes    BIGINT        NOT NULL,
    request_id    BIGINT,
    created_by    VARCHAR(64)   NOT NULL,
    created_at    DATETIME(3)   NOT NULL,
    expires_at    DATETIME(3)   NOT NULL,
    deleted_at    DATETIME(3),
    PRIMARY KEY (id),
    CONSTRAINT export_file_request_fk FOREIGN KEY (request_id) REFERENCES privacy_request (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX export_file_expires_idx ON export_file (deleted_at, expires_at);

CREATE TABLE abuse_rule (
    code           VARCHAR(64)  NOT NULL,
    name           VARCHAR(128) NOT NULL,
    threshold      BIGINT       NOT NULL,
    window_minutes INT          NOT NULL,
    enabled        BOOLEAN      NOT NULL DEFAULT TRUE,
    updated_at     DATETIME(3)  NOT NULL,
    PRIMARY KEY (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE abuse_flag (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    user_id     BIGINT       NOT NULL,
    rule_code   VARCHAR(64)  NOT NULL,
    evidence    TEXT         NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    resolved_by VARCHAR(64),
    resolved_at DATETIME(3),
    resolution  VARCHAR(1000),
    PRIMARY KEY (id),
    CONSTRAINT abuse_flag_user_fk FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT abuse_flag_rule_fk FOREIGN KEY (rule_code) REFERENCES abuse_rule (code),
    CONSTRAINT abuse_flag_status_chk CHECK (status IN ('open', 'suspended', 'restricted', 'dismissed'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX abuse_flag_status_idx ON abuse_flag (status, created_at);
CREATE INDEX abuse_flag_user_idx ON abuse_flag (user_id);

INSERT INTO abuse_rule (code, name, threshold, window_minutes, enabled, updated_at) VALUES
    ('shared_ip', 'Many new accounts from one IP', 10, 1440, TRUE, NOW(3)),
    ('usage_spike', 'Usage far above the user''s own average', 20, 60, TRUE, NOW(3)),
    ('repeated_refunds', 'Repeated refunds or chargebacks', 3, 43200, TRUE, NOW(3));

CREATE TABLE plugin_setting (
    plugin_id   VARCHAR(64)  NOT NULL,
    name        VARCHAR(64)  NOT NULL,
    value_text  TEXT,
    value_enc   VARBINARY(4096),
    secret      BOOLEAN      NOT NULL,
    updated_by  VARCHAR(64)  NOT NULL,
    updated_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (plugin_id, name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE model_price (
    provider                    VARCHAR(64) NOT NULL,
    model                       VARCHAR(64) NOT NULL,
    tokens_per_million_input    BIGINT      NOT NULL,
    tokens_per_million_output   BIGINT      NOT NULL,
    updated_by                  VARCHAR(64) NOT NULL,
    updated_at                  DATETIME(3) NOT NULL,
    PRIMARY KEY (provider, model)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE model_route (
    id       BIGINT      NOT NULL AUTO_INCREMENT,
    alias    VARCHAR(64) NOT NULL,
    provider VARCHAR(64) NOT NULL,
    model    VARCHAR(64) NOT NULL,
    priority INT         NOT NULL,
    enabled  BOOLEAN     NOT NULL DEFAULT TRUE,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE UNIQUE INDEX model_route_alias_priority_uq ON model_route (alias, priority);

-- db-scheduler's table (MySQL/MariaDB layout from its documentation).
CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(100) NOT NULL,
    task_instance        VARCHAR(100) NOT NULL,
    task_data            BLOB,
    execution_time       TIMESTAMP(6) NOT NULL,
    picked               BOOLEAN      NOT NULL,
    picked_by            VARCHAR(50),
    last_success         TIMESTAMP(6) NULL,
    last_failure         TIMESTAMP(6) NULL,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP(6) NULL,
    version              BIGINT       NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_idx ON scheduled_tasks (priority, execution_time);

CREATE TABLE job_run (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    job         VARCHAR(64) NOT NULL,
    started_at  DATETIME(3) NOT NULL,
    finished_at DATETIME(3),
    status      VARCHAR(16) NOT NULL,
    summary     TEXT,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX job_run_job_idx ON job_run (job, started_at);

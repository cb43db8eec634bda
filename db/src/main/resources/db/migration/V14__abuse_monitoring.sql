-- Abuse monitoring: detector parameters, flags that are raised once per rule, subject and episode, cases,
-- snoozes, a risk score per user, graduated actions and the blocklist the platform reads.
-- Until now nothing raised a flag; the three seeded rules are replaced by the detectors' own codes and any
-- flag that exists is carried over to the new code and status.

-- platform columns the platform honours (docs/abuse.md): a referral link, a daily token cap set by an action
ALTER TABLE app_user ADD COLUMN referred_by BIGINT;
ALTER TABLE app_user ADD COLUMN daily_token_cap BIGINT;
CREATE INDEX app_user_referred_idx ON app_user (referred_by);
CREATE INDEX app_user_minor_idx ON app_user (possible_minor, id);

-- the network (/24 for IPv4, /64 for IPv6) and a device fingerprint of each session, kept by the database so that
-- "who else was on this network or device" is one index range; a user agent alone is shared by thousands of honest
-- users, so the fingerprint joins it with the /16 (/48) it was seen from
/* [jooq ignore start] */
ALTER TABLE user_session ADD COLUMN net VARBINARY(8) AS (IF(LENGTH(ip) = 4, LEFT(ip, 3), LEFT(ip, 8))) PERSISTENT;
ALTER TABLE user_session ADD COLUMN device_fp BINARY(16) AS (UNHEX(MD5(CONCAT_WS('|', user_agent, device_type, browser, os,
    HEX(LEFT(ip, IF(LENGTH(ip) = 4, 2, 6))))))) PERSISTENT;
CREATE INDEX user_session_net_idx ON user_session (net, started_at);
CREATE INDEX user_session_device_idx ON user_session (device_fp, started_at);
/* [jooq ignore stop] */
CREATE INDEX user_session_started_idx ON user_session (started_at);

-- frozen bonus tokens are their own ledger kind, so freezing and unfreezing is never mistaken for a grant
ALTER TABLE token_ledger DROP CONSTRAINT token_ledger_kind_chk;
ALTER TABLE token_ledger ADD CONSTRAINT token_ledger_kind_chk
    CHECK (kind IN ('purchase', 'usage', 'adjustment', 'refund', 'chargeback', 'bonus', 'expiry', 'freeze'));
CREATE INDEX token_ledger_kind_idx ON token_ledger (kind, created_at);
CREATE INDEX token_adjustment_requested_idx ON token_adjustment (requested_at);

ALTER TABLE abuse_rule ADD COLUMN weight INT NOT NULL DEFAULT 10;
ALTER TABLE abuse_rule ADD COLUMN severity VARCHAR(8) NOT NULL DEFAULT 'medium';
ALTER TABLE abuse_rule ADD COLUMN shadow BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE abuse_rule ADD COLUMN updated_by VARCHAR(64) NOT NULL DEFAULT 'system';
ALTER TABLE abuse_rule ADD COLUMN version INT NOT NULL DEFAULT 0;
ALTER TABLE abuse_rule ADD COLUMN last_run_at DATETIME(3);
ALTER TABLE abuse_rule ADD COLUMN last_run_ms BIGINT;
ALTER TABLE abuse_rule ADD COLUMN last_error VARCHAR(2000);
ALTER TABLE abuse_rule ADD COLUMN watermark BIGINT NOT NULL DEFAULT 0;
ALTER TABLE abuse_rule ADD CONSTRAINT abuse_rule_severity_chk CHECK (severity IN ('low', 'medium', 'high'));

-- extra numeric parameters a detector declares (multipliers, floors, shares); validated against its declaration
CREATE TABLE abuse_rule_param (
    rule_code VARCHAR(64) NOT NULL,
    name      VARCHAR(64) NOT NULL,
    value     BIGINT      NOT NULL,
    PRIMARY KEY (rule_code, name),
    CONSTRAINT abuse_rule_param_rule_fk FOREIGN KEY (rule_code) REFERENCES abuse_rule (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO abuse_rule (code, name, threshold, window_minutes, enabled, updated_at, weight, severity) VALUES
    ('multi_account', 'Several accounts on one IP, network or device', 4, 10080, TRUE, NOW(3), 25, 'high'),
    ('signup_burst', 'Many new accounts from one network', 8, 1440, TRUE, NOW(3), 20, 'high'),
    ('bonus_farming', 'Spends only free tokens, never buys', 3, 43200, TRUE, NOW(3), 20, 'medium'),
    ('expensive_burn', 'Free tokens burnt on the most expensive models', 3000, 10080, TRUE, NOW(3), 15, 'medium'),
    ('automation', 'Request or error rate far above peers', 400, 60, TRUE, NOW(3), 15, 'medium'),
    ('lockstep', 'Accounts sending requests in lock-step', 3, 60, TRUE, NOW(3), 25, 'high'),
    ('refunds', 'Repeated refunds or a chargeback after heavy use', 3, 43200, TRUE, NOW(3), 30, 'high'),
    ('impossible_travel', 'Sessions too far apart for the time between them', 900, 1440, TRUE, NOW(3), 15, 'medium'),
    ('shared_account', 'One account active from many networks at once', 4, 60, TRUE, NOW(3), 10, 'low'),
    ('insider', 'Staff goodwill adjustments far above peers', 5, 43200, TRUE, NOW(3), 30, 'high'),
    ('possible_minor', 'Possibly under 16', 1, 0, TRUE, NOW(3), 5, 'high');
UPDATE abuse_rule SET weight = 20, severity = 'medium' WHERE code = 'usage_spike';
UPDATE abuse_rule SET name = 'Usage far above the user''s own baseline', threshold = 10, window_minutes = 60 WHERE code = 'usage_spike';

INSERT INTO abuse_rule_param (rule_code, name, value) VALUES
    ('usage_spike', 'floor_tokens', 5000),
    ('usage_spike', 'baseline_days', 14),
    ('bonus_farming', 'min_spent', 5000),
    ('expensive_burn', 'share_percent', 85),
    ('expensive_burn', 'top_models', 2),
    ('automation', 'peer_multiplier', 20),
    ('automation', 'error_percent', 50),
    ('automation', 'min_requests', 50),
    ('lockstep', 'busy_requests', 20),
    ('lockstep', 'match_percent', 80),
    ('refunds', 'heavy_use_percent', 50),
    ('shared_account', 'countries', 3),
    ('insider', 'peer_multiplier', 5),
    ('insider', 'floor_tokens', 100000);

ALTER TABLE abuse_flag DROP CONSTRAINT abuse_flag_status_chk;
ALTER TABLE abuse_flag DROP CONSTRAINT abuse_flag_rule_fk;
UPDATE abuse_flag SET rule_code = 'multi_account' WHERE rule_code = 'shared_ip';
UPDATE abuse_flag SET rule_code = 'refunds' WHERE rule_code = 'repeated_refunds';
UPDATE abuse_flag SET status = 'new' WHERE status = 'open';
UPDATE abuse_flag SET status = 'confirmed' WHERE status IN ('suspended', 'restricted');
DELETE FROM abuse_rule WHERE code IN ('shared_ip', 'repeated_refunds');
ALTER TABLE abuse_flag ADD CONSTRAINT abuse_flag_rule_fk FOREIGN KEY (rule_code) REFERENCES abuse_rule (code);
ALTER TABLE abuse_flag ADD CONSTRAINT abuse_flag_status_chk CHECK (status IN ('new', 'in_review', 'confirmed', 'dismissed'));

-- a staff member is the subject of insider flags; every other flag is about a user
ALTER TABLE abuse_flag MODIFY COLUMN user_id BIGINT NULL;
ALTER TABLE abuse_flag ADD COLUMN staff_subject VARCHAR(64);
ALTER TABLE abuse_flag ADD COLUMN subject_key VARCHAR(80) NOT NULL DEFAULT '';
ALTER TABLE abuse_flag ADD COLUMN episode VARCHAR(160) NOT NULL DEFAULT '';
ALTER TABLE abuse_flag ADD COLUMN group_key VARCHAR(160);
ALTER TABLE abuse_flag ADD COLUMN shadow BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE abuse_flag ADD COLUMN hits INT NOT NULL DEFAULT 1;
ALTER TABLE abuse_flag ADD COLUMN updated_at DATETIME(3);
ALTER TABLE abuse_flag ADD COLUMN assignee VARCHAR(64);
ALTER TABLE abuse_flag ADD COLUMN case_id BIGINT;
ALTER TABLE abuse_flag ADD COLUMN version INT NOT NULL DEFAULT 0;
-- the user's risk score, copied here whenever it is computed, so the queue pages by score on an index
ALTER TABLE abuse_flag ADD COLUMN score INT NOT NULL DEFAULT 0;
UPDATE abuse_flag SET subject_key = CONCAT('u:', user_id), episode = CONCAT('legacy:', id), updated_at = created_at;
CREATE UNIQUE INDEX abuse_flag_episode_uq ON abuse_flag (rule_code, subject_key, episode);
CREATE INDEX abuse_flag_queue_idx ON abuse_flag (shadow, status, created_at);
CREATE INDEX abuse_flag_recent_idx ON abuse_flag (shadow, created_at);
CREATE INDEX abuse_flag_score_idx ON abuse_flag (shadow, score);
CREATE INDEX abuse_flag_case_idx ON abuse_flag (case_id);
CREATE INDEX abuse_flag_group_idx ON abuse_flag (rule_code, group_key);

-- related flags (one multi-account ring, one sign-up burst) are one case
CREATE TABLE abuse_case (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    case_key   VARCHAR(200) NOT NULL,
    rule_code  VARCHAR(64)  NOT NULL,
    status     VARCHAR(16)  NOT NULL DEFAULT 'open',
    outcome    VARCHAR(16),
    assignee   VARCHAR(64),
    created_at DATETIME(3)  NOT NULL,
    updated_at DATETIME(3)  NOT NULL,
    closed_by  VARCHAR(64),
    closed_at  DATETIME(3),
    version    INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT abuse_case_status_chk CHECK (status IN ('open', 'closed')),
    CONSTRAINT abuse_case_outcome_chk CHECK (outcome IS NULL OR outcome IN ('confirmed', 'false_positive', 'mixed'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE UNIQUE INDEX abuse_case_key_uq ON abuse_case (case_key);

CREATE TABLE abuse_case_note (
    id         BIGINT        NOT NULL AUTO_INCREMENT,
    case_id    BIGINT        NOT NULL,
    author     VARCHAR(64)   NOT NULL,
    body       VARCHAR(4000) NOT NULL,
    created_at DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT abuse_case_note_case_fk FOREIGN KEY (case_id) REFERENCES abuse_case (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX abuse_case_note_case_idx ON abuse_case_note (case_id, id);

-- a rule snoozed for one user raises nothing for them until the date
CREATE TABLE abuse_snooze (
    rule_code  VARCHAR(64)  NOT NULL,
    user_id    BIGINT       NOT NULL,
    until_at   DATETIME(3)  NOT NULL,
    reason     VARCHAR(1000) NOT NULL,
    created_by VARCHAR(64)  NOT NULL,
    created_at DATETIME(3)  NOT NULL,
    PRIMARY KEY (rule_code, user_id),
    CONSTRAINT abuse_snooze_user_fk FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX abuse_snooze_user_idx ON abuse_snooze (user_id);

-- the risk score per user, kept with its breakdown so the queue and search can sort and show it
CREATE TABLE abuse_score (
    user_id    BIGINT        NOT NULL,
    score      INT           NOT NULL,
    breakdown  VARCHAR(2000) NOT NULL,
    updated_at DATETIME(3)   NOT NULL,
    PRIMARY KEY (user_id),
    CONSTRAINT abuse_score_user_fk FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX abuse_score_score_idx ON abuse_score (score, user_id);

-- graduated actions; one taken on a whole case waits for a second administrator (status pending)
CREATE TABLE abuse_action (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    request_key   VARCHAR(128)  NOT NULL,
    user_id       BIGINT,
    case_id       BIGINT,
    flag_id       BIGINT,
    kind          VARCHAR(16)   NOT NULL,
    amount        BIGINT,
    until_at      DATETIME(3),
    reason        VARCHAR(1000) NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    requested_by  VARCHAR(64)   NOT NULL,
    requested_at  DATETIME(3)   NOT NULL,
    decided_by    VARCHAR(64),
    decided_at    DATETIME(3),
    reverted_by   VARCHAR(64),
    reverted_at   DATETIME(3),
    PRIMARY KEY (id),
    CONSTRAINT abuse_action_user_fk FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT abuse_action_kind_chk CHECK (kind IN ('watch', 'cap', 'freeze', 'suspend', 'ban')),
    CONSTRAINT abuse_action_status_chk CHECK (status IN ('pending', 'applied', 'rejected', 'reverted'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE UNIQUE INDEX abuse_action_request_uq ON abuse_action (request_key);
CREATE INDEX abuse_action_user_idx ON abuse_action (user_id, id);
CREATE INDEX abuse_action_case_idx ON abuse_action (case_id, id);

-- what a ban blocks: Telegram ids, networks and device fingerprints, matched by a keyed hash so the entry can
-- outlive the account it came from; value_text (for staff) is cleared by erasure
CREATE TABLE abuse_blocklist (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    kind        VARCHAR(16)   NOT NULL,
    value_hash  VARBINARY(32) NOT NULL,
    value_text  VARCHAR(512),
    user_id     BIGINT,
    action_id   BIGINT        NOT NULL,
    created_by  VARCHAR(64)   NOT NULL,
    created_at  DATETIME(3)   NOT NULL,
    expires_at  DATETIME(3),
    removed_at  DATETIME(3),
    PRIMARY KEY (id),
    CONSTRAINT abuse_blocklist_kind_chk CHECK (kind IN ('telegram', 'network', 'device'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX abuse_blocklist_value_idx ON abuse_blocklist (kind, value_hash);
CREATE INDEX abuse_blocklist_user_idx ON abuse_blocklist (user_id);
CREATE INDEX abuse_blocklist_action_idx ON abuse_blocklist (action_id);

-- A payment channel's settings (its secret, its product-to-tokens map) decide who gets tokens for what, so a change
-- to them waits here until a second administrator approves it. The change itself may hold a secret: it is kept
-- encrypted; the summary names what changes and never shows a secret.
CREATE TABLE plugin_setting_change (
    id            BIGINT         NOT NULL AUTO_INCREMENT,
    plugin_id     VARCHAR(64)    NOT NULL,
    change_enc    BLOB           NOT NULL,
    summary       VARCHAR(2000)  NOT NULL,
    status        VARCHAR(16)    NOT NULL,
    requested_by  VARCHAR(64)    NOT NULL,
    requested_at  DATETIME(3)    NOT NULL,
    decided_by    VARCHAR(64),
    decided_at    DATETIME(3),
    PRIMARY KEY (id),
    CONSTRAINT plugin_setting_change_status_chk CHECK (status IN ('pending', 'approved', 'rejected', 'superseded'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX plugin_setting_change_plugin_idx ON plugin_setting_change (plugin_id, status);

-- Which approved settings change of its channel was in force when a delivery arrived (NULL: none yet), so that a
-- replay can say whether it ran under the same settings.
ALTER TABLE webhook_inbox ADD COLUMN settings_change_id BIGINT;

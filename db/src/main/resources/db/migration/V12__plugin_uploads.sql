-- An uploaded plugin jar runs in the console with all its keys and data. One that no trusted key signed waits
-- here, its file set aside, until an administrator other than the uploader approves its SHA-256.
CREATE TABLE plugin_upload (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    sha256         CHAR(64)      NOT NULL,
    file_name      VARCHAR(255)  NOT NULL,
    plugin_id      VARCHAR(64)   NOT NULL,
    plugin_version VARCHAR(64)   NOT NULL,
    signer         VARCHAR(255),
    status         VARCHAR(16)   NOT NULL,
    uploaded_by    VARCHAR(64)   NOT NULL,
    uploaded_at    DATETIME(3)   NOT NULL,
    decided_by     VARCHAR(64),
    decided_at     DATETIME(3),
    PRIMARY KEY (id),
    CONSTRAINT plugin_upload_status_chk CHECK (status IN ('pending', 'approved', 'rejected'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX plugin_upload_status_idx ON plugin_upload (status, uploaded_at);

-- Analysts' background exports (the Downloads list): who asked for what, how far the job got, and the encrypted file
-- it made (export_file, which retention deletes when it expires). Only the analyst who asked sees and downloads it.
CREATE TABLE report_export (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    requested_by     VARCHAR(64)   NOT NULL,
    kind             VARCHAR(32)   NOT NULL,
    title            VARCHAR(255)  NOT NULL,
    params           TEXT          NOT NULL,
    format           VARCHAR(16)   NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    rows_expected    BIGINT        NOT NULL DEFAULT 0,
    rows_done        BIGINT        NOT NULL DEFAULT 0,
    cancel_requested BOOLEAN       NOT NULL DEFAULT FALSE,
    saved_report_id  BIGINT,
    export_file_id   BIGINT,
    error            VARCHAR(500),
    created_at       DATETIME(3)   NOT NULL,
    started_at       DATETIME(3),
    heartbeat_at     DATETIME(3),
    finished_at      DATETIME(3),
    PRIMARY KEY (id),
    CONSTRAINT report_export_file_fk FOREIGN KEY (export_file_id) REFERENCES export_file (id),
    CONSTRAINT report_export_status_chk CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX report_export_staff_idx ON report_export (requested_by, created_at);
CREATE INDEX report_export_status_idx ON report_export (status, created_at);

-- A report's filters saved under a name by an analyst, shared with the other analysts or not, and built on a
-- schedule (daily or weekly) into the owner's Downloads.
CREATE TABLE saved_report (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    owner       VARCHAR(64)  NOT NULL,
    name        VARCHAR(128) NOT NULL,
    report      VARCHAR(32)  NOT NULL,
    params      TEXT         NOT NULL,
    shared      BOOLEAN      NOT NULL,
    schedule    VARCHAR(16)  NOT NULL,
    last_built  DATE,
    created_at  DATETIME(3)  NOT NULL,
    updated_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT saved_report_schedule_chk CHECK (schedule IN ('none', 'daily', 'weekly'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE UNIQUE INDEX saved_report_owner_name_uq ON saved_report (owner, name);

-- Privacy desk background work: export packages and erasure runs are privacy_task rows that a worker
-- claims (claimed_until) so that a crashed run is picked up again and two consoles never run one task twice.
ALTER TABLE privacy_task
    ADD COLUMN position      INT         NOT NULL DEFAULT 0,
    ADD COLUMN progress      INT         NOT NULL DEFAULT 0,
    ADD COLUMN claimed_until DATETIME(3),
    ADD COLUMN claimed_by    VARCHAR(64);

CREATE INDEX privacy_task_status_idx ON privacy_task (status, claimed_until);

-- The subject's identifiers while an erasure runs (encrypted), so that tasks after the account's
-- deletion and the residual scan still know what to look for; cleared when the request closes.
ALTER TABLE privacy_request
    ADD COLUMN subject_enc BLOB;

-- Art. 19: the recipients of the subject's data to tell about an erasure, restriction or correction.
CREATE TABLE privacy_recipient (
    request_id BIGINT       NOT NULL,
    recipient  VARCHAR(64)  NOT NULL,
    status     VARCHAR(16)  NOT NULL,
    note       VARCHAR(1000),
    updated_by VARCHAR(64),
    updated_at DATETIME(3),
    PRIMARY KEY (request_id, recipient),
    CONSTRAINT privacy_recipient_request_fk FOREIGN KEY (request_id) REFERENCES privacy_request (id),
    CONSTRAINT privacy_recipient_status_chk CHECK (status IN ('pending', 'notified', 'not_required'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Bulk adjustments: one row per applied file. The file's SHA-256 is unique, so the same file
-- cannot be applied twice.
CREATE TABLE bulk_adjustment_batch (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    sha256      CHAR(64)     NOT NULL,
    file_name   VARCHAR(255) NOT NULL,
    row_count   INT          NOT NULL,
    total_delta BIGINT       NOT NULL,
    applied_by  VARCHAR(64)  NOT NULL,
    applied_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE UNIQUE INDEX bulk_adjustment_batch_sha_uq ON bulk_adjustment_batch (sha256);

ALTER TABLE token_adjustment ADD CONSTRAINT token_adjustment_batch_fk FOREIGN KEY (batch_id) REFERENCES bulk_adjustment_batch (id);

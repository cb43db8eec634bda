-- A key per platform user, for the personal details staff actions record in the audit log (a correction's old and
-- new username or email, free-text reasons). Those details are stored sealed under the user's key, itself stored
-- encrypted under the master key; erasure deletes the key, and the details become unreadable while the audit
-- chain, which hashes the sealed text, still verifies.
CREATE TABLE subject_key (
    user_id    BIGINT         NOT NULL,
    key_enc    VARBINARY(128) NOT NULL,
    created_at DATETIME(3)    NOT NULL,
    PRIMARY KEY (user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

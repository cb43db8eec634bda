-- Privacy desk intake: the due day before extensions, how much was granted, and the answer given.
ALTER TABLE privacy_request
    ADD COLUMN original_due DATE,
    ADD COLUMN extended_by INT NOT NULL DEFAULT 0,
    ADD COLUMN intake_note VARCHAR(1000),
    ADD COLUMN outcome VARCHAR(1000);

UPDATE privacy_request SET original_due = DATE(due_at) WHERE original_due IS NULL;

-- An erasure task's result in every staff member's language: beside the English result (logs, older rows), the bundle
-- key and arguments as JSON, which the privacy work panel says in the reader's language. It names tables and row counts,
-- never the subject.
ALTER TABLE privacy_task ADD COLUMN result_text VARCHAR(4000) NULL AFTER result;

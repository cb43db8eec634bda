-- A delivery's outcome in every staff member's language: beside the English text (kept for logs, the vendor's answer
-- and rows written before this), the bundle key and its arguments as JSON, which the inbox screen says in the reader's
-- language. NULL on older rows, which the screen shows as they were written.
ALTER TABLE webhook_inbox ADD COLUMN outcome_text VARCHAR(2000) NULL AFTER outcome;

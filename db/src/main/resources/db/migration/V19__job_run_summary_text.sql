-- A job run's summary in every staff member's language: beside the English summary (logs, older rows), the bundle key
-- and arguments as JSON for the jobs whose screens show it (retention). NULL where a job keeps English only.
ALTER TABLE job_run ADD COLUMN summary_text VARCHAR(4000) NULL AFTER summary;

-- The abuse detectors that look for busy users over a range (usage spike, automation, lock-step) read every event of
-- that range by time and need only who was charged how much. With the time index alone each of those events cost a
-- look-up of its row; with the user and the tokens in the index the read never leaves it. Queries that need only the
-- time (retention, the roll-up's range) use its prefix as before. Dropping an index is a change of metadata only;
-- the new one is built in place while writes go on.
DROP INDEX usage_event_occurred_idx ON usage_event;
CREATE INDEX usage_event_occurred_idx ON usage_event (occurred_at, user_id, tokens_charged);

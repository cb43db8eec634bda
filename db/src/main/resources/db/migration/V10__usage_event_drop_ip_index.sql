-- No query of the console looks usage events up by IP: the support search finds users by IP through
-- user_session, and the privacy residual scan checks a subject's IPs only among that subject's own
-- events (through usage_event_user_idx). The index cost every insert, and every row of an erasure,
-- one more random B-tree change.
DROP INDEX usage_event_ip_idx ON usage_event;

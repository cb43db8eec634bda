-- Usage rolled up per user, day (UTC) and model, for charts and reports that would otherwise
-- aggregate millions of events. Rebuilt per day from usage_event by UsageRollupService; today is
-- always read from usage_event itself.
CREATE TABLE usage_daily (
    user_id        BIGINT      NOT NULL,
    day            DATE        NOT NULL,
    model          VARCHAR(64) NOT NULL,
    provider       VARCHAR(32) NOT NULL,
    events         INT         NOT NULL,
    input_tokens   BIGINT      NOT NULL,
    output_tokens  BIGINT      NOT NULL,
    tokens_charged BIGINT      NOT NULL,
    PRIMARY KEY (user_id, day, model)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX usage_daily_day_idx ON usage_daily (day);

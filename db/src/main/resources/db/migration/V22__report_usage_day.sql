-- The analysts' usage roll-up: one row per UTC day, provider, model, feature and country (of the session, '--' when
-- unknown), over the users whose data may be analysed (not restricted, not objecting, not deleted). Built from the raw
-- events of a finished day by the usage roll-up, rebuilt for a day when a user's restriction, objection or erasure
-- changes what it may hold (report_dirty_day), and removed with the usage it came from by retention.
--   latency_hist: requests per latency bucket, comma-separated (bounds in usage.LatencyBuckets)
--   users:        the distinct users as a serialized RoaringBitmap of user ids, so that active users over any period
--                 and filter are exact (the union of the rows' bitmaps)
CREATE TABLE report_usage_day (
    day            DATE         NOT NULL,
    provider       VARCHAR(32)  NOT NULL,
    model          VARCHAR(64)  NOT NULL,
    feature        VARCHAR(32)  NOT NULL,
    country        CHAR(2)      NOT NULL,
    requests       INT          NOT NULL,
    errors         INT          NOT NULL,
    input_tokens   BIGINT       NOT NULL,
    output_tokens  BIGINT       NOT NULL,
    tokens_charged BIGINT       NOT NULL,
    latency_hist   VARCHAR(255) NOT NULL,
    users          MEDIUMBLOB   NOT NULL,
    PRIMARY KEY (day, provider, model, feature, country)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Days whose report rows must be rebuilt from the raw events (a user's data left or came back).
CREATE TABLE report_dirty_day (
    day       DATE        NOT NULL,
    marked_at DATETIME(3) NOT NULL,
    PRIMARY KEY (day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

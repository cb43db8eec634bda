-- The distinct users of a day per single provider, model, feature or country (and for the whole day, dimension 'all'
-- with value ''), each a serialized RoaringBitmap of user ids: the union of report_usage_day's bitmaps over the other
-- dimensions. A usage report split by one dimension, or by none, reads one bitmap per day and bucket here instead of
-- one per provider/model/feature/country combination (16,000 bitmaps, 92 MB over 13 months at 1M users). Rebuilt with
-- report_usage_day, from it, and removed with it.
CREATE TABLE report_usage_users_day (
    dimension VARCHAR(16) NOT NULL,
    day       DATE        NOT NULL,
    value     VARCHAR(64) NOT NULL,
    users     MEDIUMBLOB  NOT NULL,
    PRIMARY KEY (dimension, day, value)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

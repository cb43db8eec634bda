-- The analysts' cohort roll-ups, per UTC day, over the users whose data may be analysed (not restricted, not
-- objecting, not deleted), rebuilt with the other report roll-ups (report_dirty_day queues a user's days, their
-- sign-up day included).

-- The distinct users who signed up, were active (had usage) and paid on the day, each a serialized RoaringBitmap of
-- user ids: cohorts intersect them, and ARPU and ARPPU divide by the size of their union over a period.
CREATE TABLE report_user_day (
    day       DATE       NOT NULL,
    signed_up MEDIUMBLOB NOT NULL,
    active    MEDIUMBLOB NOT NULL,
    paying    MEDIUMBLOB NOT NULL,
    PRIMARY KEY (day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Net revenue per day, payer's sign-up day and currency: purchases by the day they were paid less refunds and
-- chargebacks by the day the payment took that status, as in report_revenue_day.
CREATE TABLE report_cohort_revenue_day (
    day         DATE    NOT NULL,
    signup_day  DATE    NOT NULL,
    currency    CHAR(3) NOT NULL,
    net_minor   BIGINT  NOT NULL,
    PRIMARY KEY (day, signup_day, currency)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

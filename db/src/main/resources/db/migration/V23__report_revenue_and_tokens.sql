-- The analysts' money and token roll-ups, per UTC day, over the users whose data may be analysed (not restricted, not
-- objecting, not deleted; payments kept for the law after an erasure have no user and are left out). Rebuilt for a day
-- by the usage roll-up and for a user's days when their data leaves or comes back (report_dirty_day).

-- Payments per channel, token pack and currency: purchases by the day they were paid (first and repeat purchases
-- apart), refunds and chargebacks by the day the payment changed to that status.
CREATE TABLE report_revenue_day (
    day                DATE        NOT NULL,
    channel            VARCHAR(64) NOT NULL,
    product            VARCHAR(64) NOT NULL,
    currency           CHAR(3)     NOT NULL,
    purchases          INT         NOT NULL,
    first_purchases    INT         NOT NULL,
    gross_minor        BIGINT      NOT NULL,
    tokens_sold        BIGINT      NOT NULL,
    refunds            INT         NOT NULL,
    refunded_minor     BIGINT      NOT NULL,
    chargebacks        INT         NOT NULL,
    charged_back_minor BIGINT      NOT NULL,
    PRIMARY KEY (day, channel, product, currency)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Token ledger movements per kind: what was credited and debited.
CREATE TABLE report_ledger_day (
    day      DATE        NOT NULL,
    kind     VARCHAR(16) NOT NULL,
    credited BIGINT      NOT NULL,
    debited  BIGINT      NOT NULL,
    entries  INT         NOT NULL,
    PRIMARY KEY (day, kind)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX payment_paid_idx ON payment (paid_at);
CREATE INDEX payment_updated_idx ON payment (updated_at);

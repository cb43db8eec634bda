-- What operators need to see without pressing a button. The health of each plugin is checked on a schedule and the
-- last answer kept, so the Plugins screen shows "Started" beside whether the plugin actually works. The last catalogue
-- each AI provider reported is kept with when it was fetched, so Models & routing still lists a provider's models
-- while it cannot be asked (no key yet, an outage).
CREATE TABLE plugin_health (
    plugin_id  VARCHAR(64)  NOT NULL PRIMARY KEY,
    healthy    BOOLEAN      NOT NULL,
    message    VARCHAR(500) NOT NULL,
    checked_at DATETIME(6)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE model_catalogue (
    provider        VARCHAR(64)    NOT NULL,
    model           VARCHAR(128)   NOT NULL,
    plugin_id       VARCHAR(64)    NOT NULL,
    display_name    VARCHAR(200)   NOT NULL,
    context_window  INT            NULL,
    usd_per_million_input  DECIMAL(12, 4) NULL,
    usd_per_million_output DECIMAL(12, 4) NULL,
    fetched_at      DATETIME(6)    NOT NULL,
    PRIMARY KEY (provider, model)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

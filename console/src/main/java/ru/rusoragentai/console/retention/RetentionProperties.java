package ru.rusoragentai.console.retention;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the privacy policy promises to keep, and when the retention job runs.
 *
 * @param usageMonths usage events (and their daily roll-up) are kept at most this many months
 * @param cron        when the retention job runs (UTC, six fields)
 */
@ConfigurationProperties("console.retention")
public record RetentionProperties(@DefaultValue("12") int usageMonths, @DefaultValue("0 10 2 * * *") String cron) {
}

package ru.rusoragentai.console.abuse;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Abuse monitoring settings.
 *
 * @param schedule            six-field cron (UTC) of the incremental evaluation
 * @param scoreHalfLifeDays   a flag's weight halves every so many days since its last evidence
 * @param keepDecidedDays     decided flags (and closed cases) are deleted by retention after so many days
 * @param blocklistKey        base64 key of the keyed hash blocklist entries are matched by; the platform uses the same
 */
@ConfigurationProperties("console.abuse")
public record AbuseProperties(@DefaultValue("0 */5 * * * *") String schedule,
                              @DefaultValue("30") int scoreHalfLifeDays,
                              @DefaultValue("365") int keepDecidedDays,
                              @DefaultValue("") String blocklistKey) {
}

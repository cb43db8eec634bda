package ru.rusoragentai.console.plugins;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where plugins live and how long the console waits for them.
 *
 * @param dir             the plugins directory; the README run uses the repository's {@code plugins/dist}
 * @param callTimeout     longest wait for any plugin call (health check, models, usage, webhook parsing)
 * @param startTimeout    longest wait for a plugin to start
 * @param maxUploadSize   largest plugin file an operator may upload
 * @param maxResponseSize largest HTTP response a plugin may read from its vendor
 * @param settingsCacheTtl how long decrypted settings are cached per plugin (saves invalidate at once)
 * @param uploadsEnabled  whether staff may upload plugin jars at all; jars placed in {@code dir} load either way
 * @param trustDir        certificates (PEM, {@code *.pem} or {@code *.crt}) whose keys may sign plugin jars: a jar signed
 *                        by one of them loads at once on upload, any other waits for a second administrator
 * @param healthSchedule  when every started plugin's health is checked (six-field cron, UTC); the last answer is listed
 */
@ConfigurationProperties("console.plugins")
public record PluginProperties(@DefaultValue("plugins/dist") Path dir,
                               @DefaultValue("10s") Duration callTimeout,
                               @DefaultValue("15s") Duration startTimeout,
                               @DefaultValue("20MB") DataSize maxUploadSize,
                               @DefaultValue("5MB") DataSize maxResponseSize,
                               @DefaultValue("30s") Duration settingsCacheTtl,
                               @DefaultValue("true") boolean uploadsEnabled,
                               @DefaultValue("./data/plugin-trust") Path trustDir,
                               @DefaultValue("0 */5 * * * *") String healthSchedule) {
}

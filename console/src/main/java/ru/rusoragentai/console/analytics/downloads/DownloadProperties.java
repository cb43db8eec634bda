package ru.rusoragentai.console.analytics.downloads;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where analysts' exports are kept and for how long.
 *
 * @param dir    the directory of the encrypted files
 * @param expiry how long a finished export can be downloaded; retention deletes the file after
 * @param stale  a running export whose worker has not reported for this long is taken as lost and queued again
 * @param startAtOnce   whether a queued export starts building at once on this instance (tests build it themselves)
 * @param progressEvery rows between two progress reports, which is also how soon a cancellation is seen
 */
@ConfigurationProperties("console.analytics.exports")
public record DownloadProperties(@DefaultValue("./data/exports") String dir, @DefaultValue("7d") Duration expiry,
                                 @DefaultValue("5m") Duration stale, @DefaultValue("true") boolean startAtOnce,
                                 @DefaultValue("25000") int progressEvery) {
}

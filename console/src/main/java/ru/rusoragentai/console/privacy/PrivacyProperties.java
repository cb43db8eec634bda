package ru.rusoragentai.console.privacy;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The privacy desk's background work.
 *
 * @param packageDir    where encrypted export packages are stored
 * @param packageExpiry how long a package can be downloaded
 * @param eraseChunk    rows per erasure transaction (keeps every lock short)
 * @param eraseThreads  how many days of a user's usage an erasure deletes at once (one database connection each)
 * @param claim         how long a worker holds a task without a heartbeat; a crashed worker's task is free after it
 * @param maxAttempts   how often the worker retries a failed task on its own
 * @param runOn         where queued work runs: BACKGROUND (a thread of this console, at once), CALLER (the staff
 *                      member's request thread, after commit: tests), WORKER (only the scheduled cluster worker)
 * @param workerCron    when the cluster-wide worker looks for unfinished work (six fields, UTC)
 */
@ConfigurationProperties("console.privacy")
public record PrivacyProperties(@DefaultValue("./data/packages") String packageDir,
                                @DefaultValue("7d") Duration packageExpiry,
                                @DefaultValue("1000") int eraseChunk,
                                @DefaultValue("2") int eraseThreads,
                                @DefaultValue("2m") Duration claim,
                                @DefaultValue("5") int maxAttempts,
                                @DefaultValue("background") RunOn runOn,
                                @DefaultValue("0 * * * * *") String workerCron) {

    /** Where queued privacy work runs. */
    public enum RunOn {
        BACKGROUND, CALLER, WORKER
    }
}

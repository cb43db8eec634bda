package ru.rusoragentai.console.analytics.downloads;

import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * One entry of an analyst's Downloads list: what was asked for, how far the job is, and the file when it is ready.
 *
 * @param expiresAt when the file stops being downloadable (null until it is built)
 * @param available whether the file can be downloaded now (built, not expired, not deleted)
 */
public record Download(long id, String kind, String title, String format, Status status, long rowsExpected, long rowsDone,
                       @Nullable String error, LocalDateTime createdAt, @Nullable LocalDateTime finishedAt,
                       @Nullable String fileName, @Nullable Long sizeBytes, @Nullable LocalDateTime expiresAt, boolean available) {

    /** Where a job is. */
    public enum Status {
        QUEUED, RUNNING, DONE, FAILED, CANCELLED;

        public boolean finished() {
            return this == DONE || this == FAILED || this == CANCELLED;
        }
    }

    /** How far the job is, from 0 to 1. */
    public double progress() {
        if (status == Status.DONE) {
            return 1;
        }
        return rowsExpected <= 0 ? 0 : Math.min(1, rowsDone / (double) rowsExpected);
    }
}

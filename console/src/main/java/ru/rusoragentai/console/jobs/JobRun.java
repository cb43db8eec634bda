package ru.rusoragentai.console.jobs;

import org.jspecify.annotations.Nullable;
import java.time.LocalDateTime;
import ru.rusoragentai.console.i18n.Text;

/**
 * One recorded run of a background job.
 *
 * @param summary     what it did, in English
 * @param summaryText the same to be said in the reader's language, for jobs that keep it ({@link JobRuns#recordText}); else null
 */
public record JobRun(long id, String job, LocalDateTime startedAt, @Nullable LocalDateTime finishedAt, String status, @Nullable String summary,
                     @Nullable Text summaryText) {
}

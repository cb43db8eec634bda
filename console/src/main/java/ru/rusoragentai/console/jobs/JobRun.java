package ru.rusoragentai.console.jobs;

import java.time.LocalDateTime;
import ru.rusoragentai.console.i18n.Text;

/**
 * One recorded run of a background job.
 *
 * @param summary     what it did, in English
 * @param summaryText the same to be said in the reader's language, for jobs that keep it ({@link JobRuns#recordText}); else null
 */
public record JobRun(long id, String job, LocalDateTime startedAt, LocalDateTime finishedAt, String status, String summary,
                     Text summaryText) {
}

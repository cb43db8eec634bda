package ru.rusoragentai.console.jobs;

import java.time.LocalDateTime;

/** One recorded run of a background job. */
public record JobRun(long id, String job, LocalDateTime startedAt, LocalDateTime finishedAt, String status, String summary) {
}

package ru.rusoragentai.console.analytics.downloads;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Queues builds of saved reports into an analyst's Downloads, for {@link SavedReportService} and the schedule. */
@Component
class SavedReportBuilds {

    /** What a build of a saved report writes, as its job keeps it. */
    record Build(SavedReport.Kind kind, SavedReport.Params params, String day, String fileName) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DownloadRepository jobs;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    SavedReportBuilds(DownloadRepository jobs, ApplicationEventPublisher publisher, Clock clock) {
        this.jobs = jobs;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Queues a build of a saved report into an analyst's Downloads; returns the job's id. */
    long queue(SavedReport report, String forAnalyst) {
        LocalDate today = LocalDate.now(clock);
        String fileName = report.name().replaceAll("[^\\p{L}\\p{N}._-]+", "-") + "-" + today + ".xlsx";
        long job = jobs.insert(forAnalyst, DownloadService.SAVED, report.name() + " (" + today + ")",
                JSON.writeValueAsString(new Build(report.kind(), report.params(), today.toString(), fileName)), EventFormat.XLSX.name(),
                0, report.id(), LocalDateTime.now(clock));
        publisher.publishEvent(new DownloadWorker.Queued(job));
        return job;
    }
}

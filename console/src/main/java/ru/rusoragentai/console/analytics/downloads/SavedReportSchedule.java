package ru.rusoragentai.console.analytics.downloads;

import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ru.rusoragentai.console.audit.AuditService;
import ru.rusoragentai.console.security.CurrentStaff;

/**
 * Builds the scheduled saved reports that are due (daily ones every day, weekly ones on Mondays) into their owners'
 * Downloads, once per day and report across the cluster: the report is marked built for the day before its build is
 * queued, so a second instance or a rerun skips it.
 */
@Component
class SavedReportSchedule {

    private static final Logger log = LoggerFactory.getLogger(SavedReportSchedule.class);

    private final SavedReportRepository reports;
    private final SavedReportBuilds builds;
    private final DownloadWorker worker;
    private final AuditService audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SavedReportSchedule(SavedReportRepository reports, SavedReportBuilds builds, DownloadWorker worker, AuditService audit,
                        TransactionTemplate transactions, Clock clock) {
        this.reports = reports;
        this.builds = builds;
        this.worker = worker;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Queues and builds every due report; returns how many were queued. */
    int buildDue() {
        LocalDate today = LocalDate.now(clock);
        int queued = 0;
        for (SavedReport report : reports.due(today)) {
            Long job = transactions.execute(status -> {
                if (!reports.markBuilt(report.id(), today)) {
                    return null;
                }
                long id = builds.queue(report, report.owner());
                audit.recordAs(CurrentStaff.SYSTEM, "analytics.export_requested", "report_export", Long.toString(id),
                        "scheduled (" + report.schedule().code() + ") saved report " + report.id() + " \"" + report.name() + "\" for "
                                + report.owner());
                return id;
            });
            if (job != null) {
                worker.build(job);
                queued++;
            }
        }
        if (queued > 0) {
            log.info("Saved reports: {} scheduled builds", queued);
        }
        return queued;
    }
}

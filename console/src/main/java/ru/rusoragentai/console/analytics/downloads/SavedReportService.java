package ru.rusoragentai.console.analytics.downloads;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rusoragentai.console.analytics.ReportException;
import ru.rusoragentai.console.audit.AuditService;
import ru.rusoragentai.console.security.CurrentStaff;
import ru.rusoragentai.console.security.Role;

/**
 * Analysts' saved reports: a report's filters under a name, shared with the other analysts or kept private, built on
 * demand or on a daily or weekly schedule into Downloads. Only the owner changes or deletes one; anyone who sees it
 * may build it for themselves. Every change and build is audited.
 */
@Service
@Transactional(readOnly = true)
@RolesAllowed({Role.Names.ANALYST, Role.Names.ADMIN})
public class SavedReportService {

    static final int MAX_NAME = 128;

    private final SavedReportRepository reports;
    private final SavedReportBuilds builds;
    private final AuditService audit;
    private final CurrentStaff staff;
    private final Clock clock;

    SavedReportService(SavedReportRepository reports, SavedReportBuilds builds, AuditService audit, CurrentStaff staff, Clock clock) {
        this.reports = reports;
        this.builds = builds;
        this.audit = audit;
        this.staff = staff;
        this.clock = clock;
    }

    /** The analyst's own saved reports and those others share, by name. */
    public List<SavedReport> visible() {
        return reports.visibleTo(staff.actor());
    }

    @Transactional
    public long save(String name, SavedReport.Kind kind, SavedReport.Params params, boolean shared, SavedReport.Schedule schedule) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
            throw new ReportException("saved.error.name", MAX_NAME);
        }
        if (params.days() < 1 || params.days() > DownloadService.MAX_DAYS) {
            throw new ReportException("reports.error.range");
        }
        if (reports.nameTaken(staff.actor(), trimmed)) {
            throw new ReportException("saved.error.name-taken", trimmed);
        }
        long id = reports.insert(staff.actor(), trimmed, kind, params, shared, schedule, LocalDateTime.now(clock));
        audit.record("analytics.report_saved", "saved_report", Long.toString(id), kind + " \"" + trimmed + "\", last " + params.days()
                + " days, " + (shared ? "shared" : "private") + ", schedule " + schedule.code());
        return id;
    }

    /** Shares or unshares and schedules one of the analyst's own reports. */
    @Transactional
    public void update(long id, boolean shared, SavedReport.Schedule schedule) {
        if (reports.update(id, staff.actor(), shared, schedule, LocalDateTime.now(clock)) == 0) {
            throw new ReportException("saved.error.not-yours");
        }
        audit.record("analytics.report_changed", "saved_report", Long.toString(id), (shared ? "shared" : "private")
                + ", schedule " + schedule.code());
    }

    @Transactional
    public void delete(long id) {
        if (reports.delete(id, staff.actor()) == 0) {
            throw new ReportException("saved.error.not-yours");
        }
        audit.record("analytics.report_deleted", "saved_report", Long.toString(id), "by its owner");
    }

    /** Builds a report the analyst sees into their own Downloads now; returns the job's id. */
    @Transactional
    public long buildNow(long id) {
        SavedReport report = reports.find(id, staff.actor()).filter(r -> r.mine() || r.shared())
                .orElseThrow(() -> new ReportException("saved.error.gone"));
        long job = builds.queue(report, staff.actor());
        audit.record("analytics.export_requested", "report_export", Long.toString(job), "saved report " + id + " \"" + report.name() + "\"");
        return job;
    }
}

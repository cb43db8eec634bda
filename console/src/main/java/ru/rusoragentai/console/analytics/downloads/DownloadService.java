package ru.rusoragentai.console.analytics.downloads;

import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rusoragentai.console.analytics.ReportException;
import ru.rusoragentai.console.analytics.UsageQuery;
import ru.rusoragentai.console.audit.AuditService;
import ru.rusoragentai.console.crypto.SecretCipher;
import ru.rusoragentai.console.security.CurrentStaff;
import ru.rusoragentai.console.security.Role;
import tools.jackson.databind.json.JsonMapper;

/**
 * An analyst's Downloads: the pseudonymised event-level export asked for and built in the background, its progress,
 * cancelling it, and downloading the finished file (decrypted as it is read). Each analyst sees and downloads only
 * their own. Every request, cancellation and download is audited.
 */
@Service
@Transactional(readOnly = true)
@RolesAllowed({Role.Names.ANALYST, Role.Names.ADMIN})
public class DownloadService {

    /** The longest range of one event-level export. */
    static final int MAX_DAYS = 400;
    static final String EVENTS = "usage_events";
    static final String SAVED = "saved_report";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] HEADERS = {"events.time", "events.user", "reports.breakdown.provider", "reports.breakdown.model",
            "reports.breakdown.feature", "reports.breakdown.country", "reports.tokens-in", "reports.tokens-out", "reports.charged",
            "events.latency", "events.status"};

    /** A finished export opened for download. */
    public record FileDownload(String fileName, long size, InputStream content) {
    }

    private final DownloadRepository jobs;
    private final EventRowsRepository events;
    private final SecretCipher cipher;
    private final AuditService audit;
    private final CurrentStaff staff;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    DownloadService(DownloadRepository jobs, EventRowsRepository events, SecretCipher cipher, AuditService audit, CurrentStaff staff,
                    ApplicationEventPublisher publisher, Clock clock) {
        this.jobs = jobs;
        this.events = events;
        this.cipher = cipher;
        this.audit = audit;
        this.staff = staff;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Queues an export of every usage event in the query's range and filters (its grouping is ignored), one row per
     * event, users as pseudonyms; {@code label} words the title and headers in the requester's language. Returns its id.
     */
    @Transactional
    public long requestEvents(UsageQuery query, EventFormat format, Function<String, String> label) {
        if (!query.from().isBefore(query.until()) || query.from().plusDays(MAX_DAYS).isBefore(query.until())) {
            throw new ReportException("reports.error.range");
        }
        List<String> headers = java.util.Arrays.stream(HEADERS).map(label).toList();
        String title = label.apply("downloads.events-title") + " " + query.from() + " – " + query.until()
                + filters(query);
        long expected = events.expected(query);
        long id = jobs.insert(staff.actor(), EVENTS, title, JSON.writeValueAsString(EventExportParams.of(query, headers)), format.name(),
                expected, null, LocalDateTime.now(clock));
        audit.record("analytics.export_requested", "report_export", Long.toString(id), "usage events, " + format.extension() + ", "
                + query.describe() + ": about " + expected + " rows; restricted and objecting users left out, users pseudonymised");
        publisher.publishEvent(new DownloadWorker.Queued(id));
        return id;
    }

    /** The signed-in analyst's exports, newest first. */
    public List<Download> mine() {
        return jobs.list(staff.actor(), LocalDateTime.now(clock), 100);
    }

    /** Stops one of the analyst's own exports (a queued one at once, a running one within a few seconds). */
    @Transactional
    public void cancel(long id) {
        own(id);
        if (jobs.cancel(id, LocalDateTime.now(clock)) == 0) {
            throw new ReportException("downloads.error.finished");
        }
        audit.record("analytics.export_cancel_requested", "report_export", Long.toString(id), "by the analyst who asked for it");
    }

    /** Opens one of the analyst's own finished exports, decrypted while it is read; audited. */
    @Transactional
    public FileDownload open(long id) {
        own(id);
        Download download = jobs.find(id, LocalDateTime.now(clock)).orElseThrow(() -> new ReportException("downloads.error.gone"));
        DownloadRepository.StoredFile file = jobs.file(id).filter(f -> download.available())
                .orElseThrow(() -> new ReportException("downloads.error.gone"));
        Path path = Path.of(file.storagePath());
        try {
            InputStream content = cipher.decryptingStream(Files.newInputStream(path), path.getFileName().toString());
            audit.record("analytics.export_downloaded", "report_export", Long.toString(id), file.fileName() + " sha256 " + file.sha256());
            return new FileDownload(file.fileName(), file.sizeBytes(), content);
        } catch (IOException e) {
            throw new ReportException("downloads.error.unreadable", e.getMessage());
        }
    }

    private void own(long id) {
        String owner = jobs.requestedBy(id).orElseThrow(() -> new ReportException("downloads.error.gone"));
        if (!owner.equals(staff.actor())) {
            throw new ReportException("downloads.error.not-yours");
        }
    }

    private static String filters(UsageQuery query) {
        StringBuilder text = new StringBuilder();
        for (String value : new String[] {query.provider(), query.model(), query.feature(), query.country()}) {
            if (value != null) {
                text.append(", ").append(value);
            }
        }
        return text.toString();
    }
}

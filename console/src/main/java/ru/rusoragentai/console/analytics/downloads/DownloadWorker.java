package ru.rusoragentai.console.analytics.downloads;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import ru.rusoragentai.console.audit.AuditService;
import ru.rusoragentai.console.crypto.SecretCipher;
import ru.rusoragentai.console.export.Digests;
import ru.rusoragentai.console.export.HandoffOutputStream;
import ru.rusoragentai.console.security.CurrentStaff;
import ru.rusoragentai.console.security.Role;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds analysts' exports, one at a time per console instance: started as soon as one is queued, and by the job every
 * minute for those queued while no worker was free or whose worker was lost. A job is claimed with a conditional
 * update, so two instances never build the same one. The file is encrypted while it is written (as privacy packages
 * are) and expires; a cancelled or failed build leaves no file behind.
 */
@Component
class DownloadWorker {

    /** A job was queued; it is built once the request's transaction committed. */
    record Queued(long id) {
    }

    /** How an analyst export's stored file is named, so that a sweep for orphans touches nothing else in the directory. */
    static final String STORAGE_PREFIX = "analyst-";

    private static final Logger log = LoggerFactory.getLogger(DownloadWorker.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DownloadRepository jobs;
    private final EventRowsRepository events;
    private final SecretCipher cipher;
    private final DownloadProperties properties;
    private final AuditService audit;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final SavedReportRenderer renderer;
    private final ObjectProvider<SecurityContextHolderStrategy> securityContexts;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("analyst-export").factory());

    DownloadWorker(DownloadRepository jobs, EventRowsRepository events, SecretCipher cipher, DownloadProperties properties,
                   AuditService audit, Clock clock, TransactionTemplate transactions, SavedReportRenderer renderer,
                   ObjectProvider<SecurityContextHolderStrategy> securityContexts) {
        this.transactions = transactions;
        this.renderer = renderer;
        this.securityContexts = securityContexts;
        this.jobs = jobs;
        this.events = events;
        this.cipher = cipher;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void queued(Queued event) {
        if (properties.startAtOnce()) {
            executor.submit(() -> build(event.id()));
        }
    }

    /** The job's run: lost builds are queued again, and every queued one is built. */
    void buildQueued() {
        int requeued = jobs.requeueStale(LocalDateTime.now(clock).minus(properties.stale()));
        if (requeued > 0) {
            log.warn("Analysts' exports: {} builds had gone quiet and were queued again", requeued);
        }
        int removed = removeOrphans();
        if (removed > 0) {
            log.warn("Analysts' exports: removed {} unfinished files left by builds that stopped (a crash or a restart)", removed);
        }
        jobs.queued(20).forEach(this::build);
    }

    /** Builds one queued export unless another worker took it. */
    void build(long id) {
        LocalDateTime started = LocalDateTime.now(clock);
        if (!jobs.claim(id, started)) {
            return;
        }
        DownloadRepository.Job job = jobs.job(id).orElseThrow();
        @Nullable Path stored = null;
        try {
            Path store = Files.createDirectories(Path.of(properties.dir()).toAbsolutePath().normalize());
            String storageName = STORAGE_PREFIX + UUID.randomUUID() + ".enc";
            stored = store.resolve(storageName);
            EventFormat format = EventFormat.valueOf(job.format());
            MessageDigest sha = Digests.sha256();
            Counting counted;
            Written written;
            try (OutputStream file = new HandoffOutputStream(cipher.encryptingStream(Files.newOutputStream(stored), storageName),
                    "analyst-export-encrypt")) {
                counted = new Counting(new DigestOutputStream(file, sha));
                written = write(job, format, counted);
            }
            LocalDateTime now = LocalDateTime.now(clock);
            long rows = written.rows();
            String fileName = written.fileName();
            String sha256 = HexFormat.of().formatHex(sha.digest());
            long size = counted.bytes;
            String path = stored.toString();
            transactions.executeWithoutResult(status -> {
                long fileId = jobs.insertFile(fileName, path, sha256, size, job.requestedBy(), now, now.plus(properties.expiry()));
                jobs.finish(id, fileId, rows, now);
                audit.recordAs(job.requestedBy(), "analytics.export_built", "report_export", Long.toString(id), job.title() + ": "
                        + rows + " rows, " + size + " bytes, " + format.extension() + "; users pseudonymised with a key of this export");
            });
        } catch (EventExportWriter.Cancelled cancelled) {
            delete(stored);
            transactions.executeWithoutResult(status -> {
                jobs.end(id, "cancelled", null, LocalDateTime.now(clock));
                audit.recordAs(job.requestedBy(), "analytics.export_cancelled", "report_export", Long.toString(id), job.title());
            });
        } catch (IOException | RuntimeException e) {
            log.warn("Analysts' export {} failed", id, e);
            delete(stored);
            jobs.end(id, "failed", e.getClass().getSimpleName() + ": " + e.getMessage(), LocalDateTime.now(clock));
        }
    }

    /** What a build wrote: its rows (0 where a saved report does not count them) and the file's name. */
    private record Written(long rows, String fileName) {
    }

    private Written write(DownloadRepository.Job job, EventFormat format, OutputStream out) throws IOException {
        if (DownloadService.SAVED.equals(job.kind())) {
            SavedReportBuilds.Build build = JSON.readValue(job.params(), SavedReportBuilds.Build.class);
            asAnalyst(() -> renderer.render(build.kind(), build.params(), java.time.LocalDate.parse(build.day()), out));
            return new Written(0, build.fileName());
        }
        EventExportParams params = JSON.readValue(job.params(), EventExportParams.class);
        long rows = EventExportWriter.write(events, params, format, out, properties.progressEvery(),
                done -> jobs.progress(job.id(), done, LocalDateTime.now(clock)));
        return new Written(rows, "usage-events-" + params.from() + "-" + params.until() + "." + format.extension());
    }

    /**
     * Runs a scheduled build through the report services as the system with an analyst's rights (the audit trail says
     * "system"; the file goes to the owner's Downloads, which only an analyst or admin opens).
     */
    private void asAnalyst(Runnable work) {
        SecurityContextHolderStrategy holder = securityContexts.getObject();
        SecurityContext before = holder.getContext();
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(CurrentStaff.SYSTEM, null,
                List.of(new SimpleGrantedAuthority(Role.ANALYST.authority()))));
        holder.setContext(context);
        try {
            work.run();
        } finally {
            holder.setContext(before);
        }
    }

    /**
     * Deletes the files of builds that died with their process: an export file in the directory that no download
     * refers to and that nothing has written to for longer than a build may stay quiet. A build that is still running
     * writes its file all the time; a finished one is referred to.
     */
    int removeOrphans() {
        Path store = Path.of(properties.dir()).toAbsolutePath().normalize();
        if (!Files.isDirectory(store)) {
            return 0;
        }
        java.time.Instant quietSince = clock.instant().minus(properties.stale());
        List<Path> quiet = new java.util.ArrayList<>();
        try (var files = Files.newDirectoryStream(store, STORAGE_PREFIX + "*.enc")) {
            for (Path file : files) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(quietSince)) {
                    quiet.add(file);
                }
            }
        } catch (IOException e) {
            log.warn("Could not look for unfinished exports in {}: {}", store, e.getMessage());
            return 0;
        }
        if (quiet.isEmpty()) {
            return 0;
        }
        java.util.Set<String> referred = jobs.storedPaths(quiet.stream().map(Path::toString).toList());
        int removed = 0;
        for (Path file : quiet) {
            if (!referred.contains(file.toString())) {
                delete(file);
                removed++;
            }
        }
        return removed;
    }

    private static void delete(@Nullable Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            log.warn("Could not remove the unfinished export {}: {}", file, e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** Counts the bytes of the plain file (its size as the analyst downloads it). */
    private static final class Counting extends FilterOutputStream {
        private long bytes;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            bytes += len;
        }
    }
}

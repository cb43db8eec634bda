package ru.rusoragentai.console.privacy.packages;

import ru.rusoragentai.console.export.HandoffOutputStream;
import ru.rusoragentai.console.privacy.PrivacyRequest;
import ru.rusoragentai.console.privacy.PrivacyRequestRepository;
import ru.rusoragentai.console.privacy.Recipient;
import ru.rusoragentai.console.privacy.TaskClaims;
import ru.rusoragentai.console.privacy.ExportPackage;
import ru.rusoragentai.console.privacy.PrivacyException;
import ru.rusoragentai.console.privacy.PrivacyProperties;
import ru.rusoragentai.console.privacy.PrivacyRequestService;
import ru.rusoragentai.console.privacy.PrivacyTaskRepository;
import ru.rusoragentai.console.privacy.Subject;
import ru.rusoragentai.console.privacy.SubjectRepository;
import ru.rusoragentai.console.privacy.RequestStatus;
import ru.rusoragentai.console.privacy.PrivacyTask;
import ru.rusoragentai.console.privacy.RequestType;
import ru.rusoragentai.console.privacy.WorkQueued;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import ru.rusoragentai.console.i18n.Text;
import ru.rusoragentai.console.i18n.TextList;
import ru.rusoragentai.console.i18n.Texts;
import ru.rusoragentai.console.audit.AuditService;
import ru.rusoragentai.console.crypto.SecretCipher;
import ru.rusoragentai.console.plugins.Described;
import ru.rusoragentai.console.plugins.PluginGateway;
import ru.rusoragentai.console.security.CurrentStaff;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.spi.PrivacyConnector;
import ru.rusoragentai.spi.PrivacyResult;

/**
 * Access and portability packages: queued by a privacy officer, built by the privacy worker with visible progress,
 * stored encrypted (AES-256-GCM) until they expire, and downloaded with an audit entry each time.
 */
@Service
public class PackageService {

    private static final Logger log = LoggerFactory.getLogger(PackageService.class);
    private static final int PROGRESS_EVERY = 25_000;

    private final PrivacyRequestRepository requests;
    private final PrivacyTaskRepository tasks;
    private final SubjectDataRepository data;
    private final SubjectRepository subjects;
    private final TaskClaims claims;
    private final PluginGateway plugins;
    private final SecretCipher cipher;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final PrivacyProperties properties;
    private final Clock clock;
    private final TransactionTemplate transactions;

    PackageService(PrivacyRequestRepository requests, PrivacyTaskRepository tasks, SubjectDataRepository data, SubjectRepository subjects, TaskClaims claims,
                   PluginGateway plugins, SecretCipher cipher, AuditService audit,
                   ApplicationEventPublisher events, PrivacyProperties properties, Clock clock,
                   PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.requests = requests;
        this.tasks = tasks;
        this.data = data;
        this.subjects = subjects;
        this.claims = claims;
        this.plugins = plugins;
        this.cipher = cipher;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** Queues (or rebuilds) the package of an access or portability request that is in progress. */
    @RolesAllowed({Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    @Transactional
    public PrivacyTask requestPackage(long requestId) {
        PrivacyRequest request = requests.find(requestId).orElseThrow(() -> new PrivacyException("privacy.error.no-request", requestId));
        if (request.type() != RequestType.ACCESS && request.type() != RequestType.PORTABILITY) {
            throw new PrivacyException("privacy.error.package-type");
        }
        if (request.status() != RequestStatus.IN_PROGRESS || request.userId() == null) {
            throw new PrivacyException("privacy.error.package-start");
        }
        Optional<PrivacyTask> existing = tasks.task(requestId, PrivacyTask.PACKAGE);
        if (existing.isPresent() && existing.get().status() == PrivacyTask.TaskStatus.RUNNING) {
            throw new PrivacyException("privacy.error.package-building");
        }
        existing.ifPresentOrElse(task -> tasks.reset(task.id()), () -> tasks.plan(requestId, List.of(PrivacyTask.PACKAGE)));
        audit.record(existing.isPresent() ? "privacy.package_rebuilt" : "privacy.package_requested", PrivacyRequestService.TARGET,
                Long.toString(requestId), "for user " + request.userId());
        events.publishEvent(new WorkQueued(requestId));
        return tasks.task(requestId, PrivacyTask.PACKAGE).orElseThrow();
    }

    @RolesAllowed({Role.Names.SUPPORT, Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    public Optional<PrivacyTask> packageTask(long requestId) {
        return tasks.task(requestId, PrivacyTask.PACKAGE);
    }

    @RolesAllowed({Role.Names.SUPPORT, Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    public Optional<ExportPackage> currentPackage(long requestId) {
        return tasks.currentPackage(requestId, LocalDateTime.now(clock));
    }

    /** A package as the requester receives it: the zip, decrypted while it is read. */
    public record Download(String fileName, long size, InputStream content) {
    }

    /** Opens the current package for download and records who took it. */
    @RolesAllowed({Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    @Transactional
    public Download download(long requestId) {
        ExportPackage current = currentPackage(requestId)
                .orElseThrow(() -> new PrivacyException("privacy.error.no-package"));
        Path file = Path.of(current.storagePath());
        try {
            InputStream content = cipher.decryptingStream(Files.newInputStream(file), file.getFileName().toString());
            audit.record("privacy.package_downloaded", PrivacyRequestService.TARGET, Long.toString(requestId),
                    current.fileName() + " sha256 " + current.sha256());
            return new Download(current.fileName(), current.sizeBytes(), content);
        } catch (IOException e) {
            throw new PrivacyException(e, "privacy.error.package-unreadable", e.getMessage());
        }
    }

    /** Builds the request's package if its task is free to take (the worker calls this through {@link PackageWork}). */
    void build(long requestId, Clock at) {
        PrivacyTask task = tasks.task(requestId, PrivacyTask.PACKAGE).orElse(null);
        PrivacyRequest request = requests.find(requestId).orElse(null);
        if (task == null || request == null || request.userId() == null || !claims.claim(task, at)) {
            return;
        }
        try {
            Text summary = write(request, task, at);
            String english = Texts.english(summary.key(), summary.arguments());
            transactions.executeWithoutResult(s -> {
                claims.finish(task, english, summary, at);
                audit.recordAs(CurrentStaff.SYSTEM, "privacy.package_built", PrivacyRequestService.TARGET,
                        Long.toString(requestId), english);
            });
        } catch (RuntimeException | IOException e) {
            log.warn("Package for privacy request {} failed", requestId, e);
            claims.fail(task, e);
        }
    }

    private Text write(PrivacyRequest request, PrivacyTask task, Clock at) throws IOException {
        long userId = request.userId();
        Subject subject = subjects.identity(userId).orElseThrow(() -> new PrivacyException("privacy.error.user-gone", userId));
        Path store = Files.createDirectories(Path.of(properties.packageDir()).toAbsolutePath().normalize());
        Path work = Files.createTempDirectory(store, "build-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        LocalDateTime now = LocalDateTime.now(at);
        long started = System.nanoTime();
        try (PackageWriter writer = new PackageWriter(work, subject, now)) {
            long expectedUsage = Math.max(1, data.usageEvents(userId));
            int done = 0;
            for (PackageCategory category : PackageCategory.values()) {
                try (PackageWriter.CategorySink sink = writer.category(category)) {
                    if (category == PackageCategory.PLUGIN_DATA) {
                        pluginData(subject, sink);
                    } else if (category == PackageCategory.USAGE) {
                        long[] rows = {0};
                        data.each(category, userId, row -> {
                            sink.row(row);
                            if (++rows[0] % PROGRESS_EVERY == 0) {
                                claims.heartbeat(task, 10 + (int) (70 * Math.min(1.0, rows[0] / (double) expectedUsage)), at);
                            }
                        });
                    } else if (category == PackageCategory.CONVERSATIONS) {
                        data.each(category, userId, row -> {
                            row[2] = row[2] == null ? null : cipher.decryptString((byte[]) row[2]);
                            row[5] = row[5] == null ? null : cipher.decryptString((byte[]) row[5]);
                            sink.row(row);
                        });
                    } else {
                        data.each(category, userId, sink::row);
                    }
                }
                done++;
                int usage = PackageCategory.USAGE.ordinal() + 1;
                claims.heartbeat(task, done < usage ? 2 * done : done == usage ? 80 : 80 + 3 * (done - usage), at);
            }
            writer.finish(subject, now, String.join(", ", Recipient.KNOWN.values().stream().sorted().toList()));
            long rowsDone = System.nanoTime();
            String storageName = UUID.randomUUID() + ".zip.enc";
            Path stored = store.resolve(storageName);
            PackageZip.Zipped zip;
            // encrypted and written on a thread of its own while the zip is being compressed
            try (OutputStream out = new HandoffOutputStream(cipher.encryptingStream(Files.newOutputStream(stored), storageName),
                    "package-encrypt")) {
                zip = writer.zipTo(out);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(stored);
                throw e;
            }
            String sha = zip.sha256();
            long zipSize = zip.size();
            String fileName = "personal-data-" + userId + "-" + now.toLocalDate() + ".zip";
            tasks.insertPackage(request.id(), fileName, stored.toString(), sha, zipSize, "system", now,
                    now.plus(properties.packageExpiry()));
            Map<PackageCategory, Long> counts = writer.counts();
            long finished = System.nanoTime();
            return new Text("privacy.package.summary", (finished - started) / 1_000_000, (rowsDone - started) / 1_000_000,
                    (finished - rowsDone) / 1_000_000, zip.workbookWaitMillis(), new TextList(counts.entrySet().stream()
                    .map(e -> new Text("privacy.package.count", e.getKey().key(), e.getValue())).toList(), ", "),
                    now.plus(properties.packageExpiry()).toLocalDate().toString());
        } finally {
            deleteTree(work);
        }
    }

    private void pluginData(Subject subject, PackageWriter.CategorySink sink) {
        for (Described<PrivacyConnector> connector : plugins.extensions(PrivacyConnector.class)) {
            PrivacyResult result = plugins.call(connector, "privacy.collect",
                    (collector, context) -> collector.collect(subject.forPlugins(), context));
            if (result instanceof PrivacyResult.Done done) {
                done.items().forEach((category, json) -> sink.row(new Object[] {connector.extension().systemName(), category, json}));
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            log.warn("Could not remove the package working directory {}: {}", dir, e.getMessage());
        }
    }
}

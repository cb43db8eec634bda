package ru.rusoragentai.console.privacy.erasure;

import org.jspecify.annotations.Nullable;
import ru.rusoragentai.console.privacy.PrivacyRequest;
import ru.rusoragentai.console.privacy.PrivacyRequestRepository;
import ru.rusoragentai.console.privacy.TaskClaims;
import ru.rusoragentai.console.privacy.ExportPackage;
import ru.rusoragentai.console.privacy.PrivacyException;
import ru.rusoragentai.console.privacy.PrivacyProperties;
import ru.rusoragentai.console.privacy.PrivacyRequestService;
import ru.rusoragentai.console.privacy.PrivacyTaskRepository;
import ru.rusoragentai.console.privacy.Subject;
import ru.rusoragentai.console.privacy.RequestStatus;
import ru.rusoragentai.console.privacy.PrivacyTask;
import ru.rusoragentai.console.privacy.PrivacyWork;
import static ru.rusoragentai.console.privacy.erasure.ErasureService.ACCOUNT;
import static ru.rusoragentai.console.privacy.erasure.ErasureService.CONSOLE_STEPS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.rusoragentai.console.audit.AuditService;
import ru.rusoragentai.console.crypto.SecretCipher;
import ru.rusoragentai.console.i18n.Text;
import ru.rusoragentai.console.i18n.Texts;
import ru.rusoragentai.console.plugins.PluginGateway;
import ru.rusoragentai.console.security.CurrentStaff;
import ru.rusoragentai.console.security.Unguarded;
import ru.rusoragentai.console.usage.UsageRollupService;
import ru.rusoragentai.spi.PrivacyConnector;
import ru.rusoragentai.spi.PrivacyResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the privacy worker runs once an erasure is approved: its tasks in order, each table step in short
 * transactions of at most {@link PrivacyProperties#eraseChunk()} rows, the plugins' connectors, the account last and a
 * residual scan as proof. The workflow before it (prepare, approve, retry) is {@link ErasureService}'s.
 */
@Component
class ErasureRunner implements PrivacyWork {

    /** Called after every committed chunk ({@code chunk} from 1) and after every finished task ({@code chunk} 0). */
    @FunctionalInterface
    interface Checkpoint {
        Checkpoint NONE = (system, chunk) -> { };

        void reached(String system, int chunk);
    }

    private static final Logger log = LoggerFactory.getLogger(ErasureRunner.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PrivacyRequestRepository requests;
    private final PrivacyTaskRepository tasks;
    private final SubjectErasureRepository data;
    private final ResidualScanRepository scans;
    private final SubjectTextRepository text;
    private final SubjectAbuseRepository abuse;
    private final TaskClaims claims;
    private final PluginGateway plugins;
    private final SecretCipher cipher;
    private final AuditService audit;
    private final PrivacyProperties properties;
    private final ErasureThreads threads;
    private final TransactionTemplate chunkTx;
    private final UsageRollupService rollup;

    ErasureRunner(PrivacyRequestRepository requests, PrivacyTaskRepository tasks, SubjectErasureRepository data, ResidualScanRepository scans,
                  SubjectTextRepository text,
                  SubjectAbuseRepository abuse, TaskClaims claims, PluginGateway plugins, SecretCipher cipher, AuditService audit,
                  PrivacyProperties properties, ErasureThreads threads, PlatformTransactionManager transactions,
                  UsageRollupService rollup) {
        this.rollup = rollup;
        this.requests = requests;
        this.tasks = tasks;
        this.data = data;
        this.scans = scans;
        this.text = text;
        this.abuse = abuse;
        this.claims = claims;
        this.plugins = plugins;
        this.cipher = cipher;
        this.audit = audit;
        this.properties = properties;
        this.threads = threads;
        this.chunkTx = new TransactionTemplate(transactions);
    }

    /**
     * Runs the approved erasure's remaining tasks in order (the worker calls this). Stops at a task another worker
     * holds or that fails; completes the request once every task is done and the scan is clean.
     */
    @Override
    public boolean owns(List<PrivacyTask> queued) {
        return !queued.isEmpty() && queued.stream().noneMatch(task -> task.system().equals(PrivacyTask.PACKAGE));
    }

    @Override
    @Unguarded("the privacy worker runs approved erasures; the four eyes were checked when it was approved")
    public void run(long requestId, Clock at) {
        run(requestId, Checkpoint.NONE, at);
    }

    /** {@link #run(long, Clock)}, calling back after every chunk and task (tests stop it there). */
    @Unguarded("the privacy worker runs approved erasures; the four eyes were checked when it was approved")
    void run(long requestId, Checkpoint checkpoint, Clock at) {
        PrivacyRequest request = requests.find(requestId).orElse(null);
        if (request == null || request.status() != RequestStatus.AWAITING_APPROVAL || request.approvedBy() == null) {
            return;
        }
        Optional<byte[]> sealed = tasks.subject(requestId);
        if (sealed.isEmpty()) {
            return;
        }
        ErasureService.Snapshot snapshot = JSON.readValue(cipher.decryptString(sealed.get()), ErasureService.Snapshot.class);
        String scan = null;
        for (PrivacyTask task : tasks.tasks(requestId)) {
            if (task.status() == PrivacyTask.TaskStatus.DONE) {
                scan = task.system().equals(PrivacyTask.RESIDUAL_SCAN) ? task.result() : scan;
                continue;
            }
            if (!claims.claim(task, at)) {
                return;
            }
            TaskResult result;
            try {
                result = execute(requestId, task, snapshot, checkpoint, at);
            } catch (RuntimeException e) {
                log.warn("Erasure task {} of privacy request {} failed: {}", task.system(), requestId, e.toString());
                claims.fail(task, e);
                return;
            }
            claims.finish(task, result.english(), result.text(), at);
            checkpoint.reached(task.system(), 0);
            scan = task.system().equals(PrivacyTask.RESIDUAL_SCAN) ? result.english() : scan;
        }
        String outcome = "Erased from " + CONSOLE_STEPS.size() + " console data systems and " + (tasks.tasks(requestId).size()
                - CONSOLE_STEPS.size() - 1) + " plugin systems; payment records kept for the law without any link to the person;"
                + " residual scan clean.";
        String proof = scan;
        chunkTx.executeWithoutResult(s -> {
            if (tasks.completeErasure(requestId, proof, outcome, LocalDateTime.now(at))) {
                audit.recordAs(CurrentStaff.SYSTEM, "privacy.erasure_completed", PrivacyRequestService.TARGET, Long.toString(requestId),
                        outcome);
            }
        });
    }

    /** What a task did: in English (kept, logged; the scan's JSON proof for the scan) and as a text for the screen, or null. */
    private record TaskResult(String english, @Nullable Text text) {
    }

    private TaskResult execute(long requestId, PrivacyTask task, ErasureService.Snapshot snapshot, Checkpoint checkpoint, Clock at) {
        Subject subject = snapshot.subject();
        ErasureChunks.Chunks chunks = new ErasureChunks.Chunks(task, checkpoint, at, chunkTx, claims, threads);
        Optional<TableStep> tables = TableStep.of(task.system());
        if (tables.isPresent()) {
            tables.get().erase(target(snapshot, chunks));
            return new TaskResult(chunks.summary(), chunks.text());
        }
        switch (task.system()) {
            case ACCOUNT -> account(snapshot, chunks, at);
            case PrivacyTask.RESIDUAL_SCAN -> {
                ResidualScan.Result result = ResidualScan.run(subject, scans, text);
                String json = ResidualScan.toJson(result);
                chunkTx.executeWithoutResult(s -> tasks.storeResidualScan(requestId, json));
                if (!result.clean()) {
                    throw new PrivacyException("privacy.error.residue", result.checks().stream().filter(l -> "RESIDUE".equals(l.verdict())).map(l -> l.check() + " " + l.rows()).toList());
                }
                return new TaskResult(json, null);
            }
            default -> {
                return plugin(task.system().substring(PrivacyTask.PLUGIN_PREFIX.length()), subject);
            }
        }
        return new TaskResult(chunks.summary(), chunks.text());
    }

    /**
     * The account last: the table steps run once more for anything that appeared since (the user was still active),
     * the subject's export packages are destroyed, the privacy requests lose their link, the account row goes.
     */
    private void account(ErasureService.Snapshot snapshot, ErasureChunks.Chunks chunks, Clock at) {
        long userId = snapshot.subject().userId();
        TableStep.Target target = target(snapshot, chunks);
        for (TableStep step : TableStep.values()) {
            step.erase(target);
        }
        chunks.once("export packages", () -> {
            int deleted = 0;
            for (ExportPackage file : data.livePackagesOf(userId)) {
                try {
                    Files.deleteIfExists(Path.of(file.storagePath()));
                } catch (IOException e) {
                    throw new PrivacyException(e, "privacy.error.package-delete", file.storagePath(), e.getMessage());
                }
                data.markPackageDeleted(file.id(), LocalDateTime.now(at));
                deleted++;
            }
            return deleted;
        });
        // free text that names the subject where no user id links it: inbox deliveries, request notes, sealed audit details
        chunks.loop("webhook_inbox (mentions redacted)", () -> text.redactWebhooksMentioning(snapshot.subject(), properties.eraseChunk()));
        chunks.once("privacy requests pseudonymised", () -> text.pseudonymisePrivacyRequests(snapshot.subject()));
        chunks.once("abuse evidence and case notes redacted", () -> abuse.redactMentions(SubjectTextRepository.pattern(snapshot.subject()),
                SubjectTextRepository.REDACTED));
        chunks.once("subject key destroyed (sealed audit details)", () -> text.deleteSubjectKey(userId));
        chunks.once("privacy requests unlinked", () -> data.unlinkPrivacyRequests(userId));
        chunks.once("app_user", () -> data.deleteAccount(userId));
        // the analysts' roll-up holds the user id in the distinct-users bitmap of the days queued in the usage step
        chunks.once("report_usage_day (subject's days rebuilt)", rollup::rebuildDirtyDays);
    }

    private TableStep.Target target(ErasureService.Snapshot snapshot, ErasureChunks.Chunks chunks) {
        return new TableStep.Target(snapshot.subject(), snapshot.paymentPseudonym(), properties.eraseChunk(), chunks, data, abuse, rollup);
    }

    private TaskResult plugin(String pluginId, Subject subject) {
        var connector = plugins.extension(pluginId, PrivacyConnector.class)
                .orElseThrow(() -> new PrivacyException("privacy.error.plugin-stopped", pluginId));
        PrivacyResult result = plugins.call(connector, "privacy.erase", (eraser, context) -> eraser.erase(subject.forPlugins(), context));
        return switch (result) {
            case PrivacyResult.NothingHeld nothing -> said(new Text("privacy.erasure.plugin.nothing", connector.extension().systemName()));
            case PrivacyResult.Done done -> said(new Text("privacy.erasure.plugin.done", connector.extension().systemName(), done.summary(),
                    String.valueOf(done.items())));
        };
    }

    private static TaskResult said(Text text) {
        return new TaskResult(Texts.english(text.key(), text.arguments()), text);
    }
}

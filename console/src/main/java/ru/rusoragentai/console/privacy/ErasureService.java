package ru.rusoragentai.console.privacy;

import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;
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
import ru.rusoragentai.console.plugins.PluginGateway;
import ru.rusoragentai.console.security.CurrentStaff;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.users.UserService;
import ru.rusoragentai.spi.PrivacyConnector;
import ru.rusoragentai.spi.PrivacyResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * Erasure for deletion requests and reported minors. A privacy officer prepares it (the subject's identifiers are
 * captured, one task per data system planned, the Art. 19 recipients listed); a different officer or admin approves
 * it; {@link PrivacyWorker} runs the tasks in order. Every step is idempotent and works in short transactions of at
 * most {@link PrivacyProperties#eraseChunk()} rows, so a crash anywhere resumes from where it stopped with no double
 * effect, and no lock is held for long. Payments are kept for the law but pseudonymised. A residual scan of every
 * table ends the run and is stored on the request as proof.
 */
@Service
public class ErasureService {

    /** Called after every committed chunk ({@code chunk} from 1) and after every finished task ({@code chunk} 0). */
    @FunctionalInterface
    interface Checkpoint {
        Checkpoint NONE = (system, chunk) -> { };

        void reached(String system, int chunk);
    }

    static final String CONVERSATIONS = "console.conversations";
    static final String USAGE = "console.usage";
    static final String SESSIONS = "console.sessions";
    static final String LEDGER = "console.ledger";
    static final String PAYMENTS = "console.payments";
    static final String ACCOUNT = "console.account";
    static final List<String> CONSOLE_STEPS = List.of(CONVERSATIONS, USAGE, SESSIONS, LEDGER, PAYMENTS, ACCOUNT);
    private static final Set<String> RECIPIENT_STATUSES = Set.of("pending", "notified", "not_required");
    private static final Logger log = LoggerFactory.getLogger(ErasureService.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What an erasure run needs after the account is gone; kept encrypted on the request until it completes. */
    record Snapshot(Subject subject, String paymentPseudonym) {
    }

    private final PrivacyRequestRepository requests;
    private final PrivacyTaskRepository tasks;
    private final SubjectDataRepository data;
    private final SubjectTextRepository text;
    private final TaskClaims claims;
    private final UserService users;
    private final PluginGateway plugins;
    private final SecretCipher cipher;
    private final AuditService audit;
    private final CurrentStaff currentStaff;
    private final ApplicationEventPublisher events;
    private final PrivacyProperties properties;
    private final TransactionTemplate chunkTx;
    private final Clock clock;
    private final SubjectAbuseRepository abuse;

    ErasureService(PrivacyRequestRepository requests, PrivacyTaskRepository tasks, SubjectDataRepository data,
                   SubjectTextRepository text, SubjectAbuseRepository abuse, TaskClaims claims,
                   UserService users, PluginGateway plugins, SecretCipher cipher, AuditService audit,
                   CurrentStaff currentStaff, ApplicationEventPublisher events, PrivacyProperties properties,
                   PlatformTransactionManager transactions, Clock clock) {
        this.requests = requests;
        this.tasks = tasks;
        this.data = data;
        this.text = text;
        this.abuse = abuse;
        this.claims = claims;
        this.users = users;
        this.plugins = plugins;
        this.cipher = cipher;
        this.audit = audit;
        this.currentStaff = currentStaff;
        this.events = events;
        this.properties = properties;
        this.chunkTx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * in progress → awaiting approval: captures the subject, plans one task per data system and lists the
     * recipients to notify. The preparer cannot approve it.
     */
    @RolesAllowed({Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    @Transactional
    public PrivacyRequest prepare(long requestId, int version) {
        PrivacyRequest request = require(requestId);
        if (!request.type().needsApproval()) {
            throw new PrivacyException("privacy.error.not-erasable");
        }
        if (request.status() != RequestStatus.IN_PROGRESS) {
            throw new PrivacyException("privacy.error.start-first");
        }
        if (request.userId() == null) {
            throw new PrivacyException("privacy.error.no-user");
        }
        Subject subject = data.subject(request.userId())
                .orElseThrow(() -> new PrivacyException("privacy.error.user-gone", request.userId()));
        Snapshot snapshot = new Snapshot(subject, "erased-" + UUID.randomUUID());
        tasks.storeSubject(requestId, cipher.encryptString(JSON.writeValueAsString(snapshot)));
        List<String> systems = new ArrayList<>();
        plugins.extensions(PrivacyConnector.class).forEach(c -> systems.add(PrivacyTask.PLUGIN_PREFIX + c.pluginId()));
        systems.addAll(CONSOLE_STEPS);
        systems.add(PrivacyTask.RESIDUAL_SCAN);
        tasks.plan(requestId, systems);
        for (String recipient : data.providersAndChannels(request.userId())) {
            tasks.addRecipient(requestId, recipient.toLowerCase(java.util.Locale.ROOT).replaceFirst("^(pay|ai)-", ""));
        }
        if (!requests.update(requestId, version, new PrivacyRequestRepository.Change(RequestStatus.AWAITING_APPROVAL, null, null,
                currentStaff.actor(), null, null, null, null, null, null, null))) {
            throw new PrivacyException("privacy.error.concurrent");
        }
        audit.record("privacy.erasure_prepared", PrivacyRequestService.TARGET, Long.toString(requestId),
                "user " + subject.userId() + "; tasks: " + String.join(", ", systems));
        return require(requestId);
    }

    /** The second pair of eyes: another privacy officer or admin approves, the account is suspended, the run starts. */
    @RolesAllowed({Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    @Transactional
    public PrivacyRequest approve(long requestId, int version) {
        PrivacyRequest request = require(requestId);
        if (request.status() != RequestStatus.AWAITING_APPROVAL || request.approvedBy() != null) {
            throw new PrivacyException("privacy.error.not-awaiting");
        }
        String actor = currentStaff.actor();
        if (actor.equals(request.preparedBy())) {
            throw new PrivacyException("privacy.error.own-erasure");
        }
        if (!requests.update(requestId, version, new PrivacyRequestRepository.Change(null, null, null, null, actor, null, null,
                null, null, null, null))) {
            throw new PrivacyException("privacy.error.concurrent");
        }
        if (request.userId() != null && data.identity(request.userId()).isPresent()) {
            users.suspendForPrivacy(request.userId(), "erasure approved, privacy request " + requestId);
        }
        audit.record("privacy.erasure_approved", PrivacyRequestService.TARGET, Long.toString(requestId),
                "prepared by " + request.preparedBy());
        events.publishEvent(new WorkQueued(requestId));
        return require(requestId);
    }

    /** Puts failed tasks of an approved erasure back in the queue. */
    @RolesAllowed({Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    @Transactional
    public void retry(long requestId) {
        PrivacyRequest request = require(requestId);
        if (request.status() != RequestStatus.AWAITING_APPROVAL || request.approvedBy() == null) {
            throw new PrivacyException("privacy.error.retry");
        }
        tasks.tasks(requestId).stream().filter(t -> t.status() == PrivacyTask.TaskStatus.FAILED).forEach(t -> tasks.reset(t.id()));
        audit.record("privacy.erasure_retried", PrivacyRequestService.TARGET, Long.toString(requestId), "");
        events.publishEvent(new WorkQueued(requestId));
    }

    @RolesAllowed({Role.Names.SUPPORT, Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    public List<PrivacyTask> tasks(long requestId) {
        return tasks.tasks(requestId).stream().filter(t -> !t.system().equals(PrivacyTask.PACKAGE)).toList();
    }

    @RolesAllowed({Role.Names.SUPPORT, Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    public List<Recipient> recipients(long requestId) {
        return tasks.recipients(requestId);
    }

    /** Records how an Art. 19 recipient was told (or why it need not be). */
    @RolesAllowed({Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    @Transactional
    public void markRecipient(long requestId, String recipient, String status, String note) {
        if (!RECIPIENT_STATUSES.contains(status)) {
            throw new PrivacyException("privacy.error.recipient-status", status);
        }
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (!tasks.updateRecipient(requestId, recipient, status, cleanNote, currentStaff.actor(), LocalDateTime.now(clock))) {
            throw new PrivacyException("privacy.error.no-recipient", recipient, requestId);
        }
        audit.record("privacy.recipient_" + status, PrivacyRequestService.TARGET, Long.toString(requestId),
                recipient + (cleanNote == null ? "" : ": " + cleanNote));
    }

    /** The stored proof of a finished (or failed) residual scan. */
    @RolesAllowed({Role.Names.SUPPORT, Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    public Optional<ResidualScan.Result> residualScan(long requestId) {
        return tasks.residualScan(requestId).map(ResidualScan::fromJson);
    }

    /**
     * Runs the approved erasure's remaining tasks in order (the worker calls this). Stops at a task another worker
     * holds or that fails; completes the request once every task is done and the scan is clean.
     */
    void run(long requestId, Checkpoint checkpoint, Clock at) {
        PrivacyRequest request = requests.find(requestId).orElse(null);
        if (request == null || request.status() != RequestStatus.AWAITING_APPROVAL || request.approvedBy() == null) {
            return;
        }
        Optional<byte[]> sealed = tasks.subject(requestId);
        if (sealed.isEmpty()) {
            return;
        }
        Snapshot snapshot = JSON.readValue(cipher.decryptString(sealed.get()), Snapshot.class);
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
    private record TaskResult(String english, Text text) {
    }

    private TaskResult execute(long requestId, PrivacyTask task, Snapshot snapshot, Checkpoint checkpoint, Clock at) {
        Subject subject = snapshot.subject();
        Chunks chunks = new Chunks(task, checkpoint, at);
        switch (task.system()) {
            case CONVERSATIONS, USAGE, SESSIONS, LEDGER, PAYMENTS -> eraseTables(task.system(), snapshot, chunks);
            case ACCOUNT -> account(snapshot, chunks, at);
            case PrivacyTask.RESIDUAL_SCAN -> {
                ResidualScan.Result result = ResidualScan.run(subject, data, text);
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

    /** One of the table steps before the account: every statement idempotent, looped in chunks until nothing is left. */
    private void eraseTables(String step, Snapshot snapshot, Chunks chunks) {
        Subject subject = snapshot.subject();
        long userId = subject.userId();
        int chunk = properties.eraseChunk();
        switch (step) {
            case CONVERSATIONS -> chunks.loop("conversations", () -> data.deleteConversations(userId, Math.max(1, chunk / 50)));
            case USAGE -> {
                chunks.inParallel("usage_event", data.usageDays(userId).stream().map(day -> usageDay(userId, day, chunk)).toList());
                chunks.loop("usage_daily", () -> data.deleteUsageDaily(userId, chunk));
            }
            case SESSIONS -> {
                chunks.loop("user_session", () -> data.deleteSessions(userId, chunk));
                chunks.loop("abuse_flag, score, snoozes, actions; blocklist unlinked", () -> abuse.deleteOwnRows(userId, chunk));
                chunks.once("abuse evidence of linked accounts", () -> abuse.unlinkFromEvidence(userId));
                chunks.once("staff_recent", () -> data.deleteStaffRecents(subject));
            }
            case LEDGER -> {
                chunks.loop("token_adjustment", () -> data.deleteAdjustments(userId, chunk));
                chunks.loop("token_ledger", () -> data.deleteLedgerChunk(userId, chunk));
            }
            case PAYMENTS -> {
                chunks.loop("payment (pseudonymised)", () -> data.pseudonymisePayments(userId, snapshot.paymentPseudonym(), chunk));
                chunks.loop("webhook_inbox (redacted)", () -> data.redactWebhooks(subject, chunk));
            }
            default -> throw new IllegalArgumentException("not a table step: " + step);
        }
    }

    /**
     * The account last: the table steps run once more for anything that appeared since (the user was still active),
     * the subject's export packages are destroyed, the privacy requests lose their link, the account row goes.
     */
    private void account(Snapshot snapshot, Chunks chunks, Clock at) {
        long userId = snapshot.subject().userId();
        CONSOLE_STEPS.stream().filter(step -> !step.equals(ACCOUNT)).forEach(step -> eraseTables(step, snapshot, chunks));
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

    /** One day of the user's usage, deleted chunk by chunk from its oldest row on. */
    private Part usageDay(long userId, LocalDate day, int chunk) {
        return new Part() {
            private LocalDateTime from;
            private boolean finished;

            @Override
            public int next() {
                SubjectDataRepository.UsageChunk done = data.deleteUsageChunk(userId, day, from, chunk);
                from = done.next();
                finished = from == null;
                return done.rows();
            }

            @Override
            public boolean finished() {
                return finished;
            }
        };
    }

    /** A deletion done in chunks, each {@link #next} in a transaction of its own, that knows when it is finished. */
    private interface Part {
        int next();

        boolean finished();
    }

    /**
     * Runs one step's statements in short transactions, counting rows and timing the longest transaction. Several
     * independent parts of one step (the days of the usage table) can run on {@link PrivacyProperties#eraseThreads()}
     * threads at once.
     */
    private final class Chunks {

        private static final long HEARTBEAT_NANOS = 1_000_000_000L;
        /** A transaction this long is logged: the subject's rows stay locked while it runs. */
        private static final long SLOW_CHUNK_MILLIS = 500;

        private final PrivacyTask task;
        private final Checkpoint checkpoint;
        private final Clock at;
        private final StringBuilder summary = new StringBuilder();
        private final List<Text> parts = new ArrayList<>();
        private long longestMillis;
        private String longestIn = "";
        private final AtomicInteger chunksRun = new AtomicInteger();
        private long lastHeartbeat = System.nanoTime();

        Chunks(PrivacyTask task, Checkpoint checkpoint, Clock at) {
            this.task = task;
            this.checkpoint = checkpoint;
            this.at = at;
        }

        void loop(String what, IntSupplier statement) {
            long rows = 0;
            int n;
            do {
                n = timed(what, statement);
                rows += n;
            } while (n > 0);
            note(what, rows);
        }

        void once(String what, IntSupplier statement) {
            note(what, timed(what, statement));
        }

        /**
         * Runs every part to its end, up to {@code eraseThreads} parts at a time. The first failure stops the others
         * after their current chunk and is rethrown here, as it would be on one thread.
         */
        void inParallel(String what, List<Part> parts) {
            ConcurrentLinkedQueue<Part> queue = new ConcurrentLinkedQueue<>(parts);
            AtomicLong rows = new AtomicLong();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Runnable drain = () -> {
                try {
                    for (Part part = queue.poll(); part != null && failure.get() == null; part = queue.poll()) {
                        while (!part.finished() && failure.get() == null) {
                            rows.addAndGet(timed(what, part::next));
                        }
                    }
                } catch (Throwable e) { // an Error too: the caller rethrows it as if it had happened on its own thread
                    failure.compareAndSet(null, e);
                }
            };
            int threads = Math.max(1, Math.min(properties.eraseThreads(), parts.size()));
            List<Thread> helpers = new ArrayList<>();
            for (int i = 1; i < threads; i++) {
                helpers.add(Thread.ofPlatform().name("erasure-" + task.id() + "-" + i).start(drain));
            }
            drain.run();
            for (Thread helper : helpers) {
                try {
                    helper.join();
                } catch (InterruptedException e) {
                    failure.compareAndSet(null, e);
                    Thread.currentThread().interrupt();
                }
            }
            switch (failure.get()) {
                case null -> note(what, rows.get());
                case RuntimeException e -> throw e;
                case Error e -> throw e;
                case Throwable e -> throw new IllegalStateException(e);
            }
        }

        private int timed(String what, IntSupplier statement) {
            long started = System.nanoTime();
            Integer done = chunkTx.execute(s -> statement.getAsInt());
            int n = done == null ? 0 : done;
            long millis = (System.nanoTime() - started) / 1_000_000;
            longest(what, millis);
            if (millis >= SLOW_CHUNK_MILLIS) {
                log.info("Erasure task {}: one transaction of {} took {} ms ({} rows)", task.system(), what, millis, n);
            }
            int run = chunksRun.incrementAndGet();
            heartbeat(run);
            checkpoint.reached(task.system(), run);
            return n;
        }

        /** Renews the claim (and fails if it was lost) about once a second rather than after every chunk. */
        private synchronized void heartbeat(int run) {
            long now = System.nanoTime();
            if (run == 1 || now - lastHeartbeat >= HEARTBEAT_NANOS) {
                claims.heartbeat(task, Math.min(99, run), at);
                lastHeartbeat = now;
            }
        }

        private synchronized void longest(String what, long millis) {
            if (millis > longestMillis) {
                longestMillis = millis;
                longestIn = what;
            }
        }

        private synchronized void note(String what, long rows) {
            summary.append(summary.isEmpty() ? "" : "; ").append(what).append(' ').append(rows);
            parts.add(new Text("privacy.erasure.part", what(what), rows));
        }

        synchronized String summary() {
            return summary + " (" + chunksRun + (chunksRun.get() == 1 ? " transaction" : " transactions") + ", longest "
                    + longestMillis + " ms" + (longestIn.isEmpty() ? "" : " in " + longestIn) + ")";
        }

        /** The summary as a text: each step's rows, then how many transactions and the longest, in the reader's language. */
        synchronized Text text() {
            return longestIn.isEmpty()
                    ? new Text("privacy.erasure.result.short", new TextList(parts, "; "), chunksRun.get(), longestMillis)
                    : new Text("privacy.erasure.result", new TextList(parts, "; "), chunksRun.get(), longestMillis, what(longestIn));
        }
    }

    /** A step's label as a text: its bundle key is the label with every run of other characters made a dash. */
    private static Text what(String label) {
        return new Text("privacy.erasure.what." + label.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]+", "-").replaceAll("^-|-$", ""));
    }

    private static TaskResult said(Text text) {
        return new TaskResult(Texts.english(text.key(), text.arguments()), text);
    }

    private PrivacyRequest require(long id) {
        return requests.find(id).orElseThrow(() -> new PrivacyException("privacy.error.no-request", id));
    }
}

package ru.rusoragentai.console.privacy.erasure;

import ru.rusoragentai.console.privacy.SubjectRepository;
import ru.rusoragentai.console.privacy.PrivacyRequest;
import ru.rusoragentai.console.privacy.PrivacyRequestRepository;
import ru.rusoragentai.console.privacy.Recipient;
import ru.rusoragentai.console.privacy.PrivacyException;
import ru.rusoragentai.console.privacy.PrivacyProperties;
import ru.rusoragentai.console.privacy.PrivacyRequestService;
import ru.rusoragentai.console.privacy.PrivacyTaskRepository;
import ru.rusoragentai.console.privacy.Subject;
import ru.rusoragentai.console.privacy.RequestStatus;
import ru.rusoragentai.console.privacy.PrivacyTask;
import ru.rusoragentai.console.privacy.WorkQueued;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rusoragentai.console.audit.AuditService;
import ru.rusoragentai.console.crypto.SecretCipher;
import ru.rusoragentai.console.plugins.PluginGateway;
import ru.rusoragentai.console.security.CurrentStaff;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.users.UserService;
import ru.rusoragentai.spi.PrivacyConnector;
import tools.jackson.databind.json.JsonMapper;

/**
 * Erasure for deletion requests and reported minors. A privacy officer prepares it (the subject's identifiers are
 * captured, one task per data system planned, the Art. 19 recipients listed); a different officer or admin approves
 * it; {@link ErasureRunner} runs the tasks in order when the privacy worker calls it. Every step is idempotent and works in short transactions of at
 * most {@link PrivacyProperties#eraseChunk()} rows, so a crash anywhere resumes from where it stopped with no double
 * effect, and no lock is held for long. Payments are kept for the law but pseudonymised. A residual scan of every
 * table ends the run and is stored on the request as proof.
 */
@Service
public class ErasureService {

    static final String CONVERSATIONS = TableStep.CONVERSATIONS.system();
    static final String USAGE = TableStep.USAGE.system();
    static final String SESSIONS = TableStep.SESSIONS.system();
    static final String LEDGER = TableStep.LEDGER.system();
    static final String PAYMENTS = TableStep.PAYMENTS.system();
    /** The last console step: the table steps once more, then what only the account's end removes. */
    static final String ACCOUNT = "console.account";
    /** The console's own steps in the order they run: every table step, then the account. */
    static final List<String> CONSOLE_STEPS = java.util.stream.Stream.concat(
            java.util.Arrays.stream(TableStep.values()).map(TableStep::system), java.util.stream.Stream.of(ACCOUNT)).toList();
    private static final Set<String> RECIPIENT_STATUSES = Set.of("pending", "notified", "not_required");
    private static final Logger log = LoggerFactory.getLogger(ErasureService.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What an erasure run needs after the account is gone; kept encrypted on the request until it completes. */
    record Snapshot(Subject subject, String paymentPseudonym) {
    }

    private final PrivacyRequestRepository requests;
    private final PrivacyTaskRepository tasks;
    private final SubjectRepository data;
    private final UserService users;
    private final PluginGateway plugins;
    private final SecretCipher cipher;
    private final AuditService audit;
    private final CurrentStaff currentStaff;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ErasureService(PrivacyRequestRepository requests, PrivacyTaskRepository tasks, SubjectRepository data, UserService users,
                   PluginGateway plugins, SecretCipher cipher, AuditService audit, CurrentStaff currentStaff,
                   ApplicationEventPublisher events, Clock clock) {
        this.requests = requests;
        this.tasks = tasks;
        this.data = data;
        this.users = users;
        this.plugins = plugins;
        this.cipher = cipher;
        this.audit = audit;
        this.currentStaff = currentStaff;
        this.events = events;
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
        if (!requests.update(requestId, version, new PrivacyRequestRepository.Change.ErasurePrepared(currentStaff.actor()))) {
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
        if (!requests.update(requestId, version, new PrivacyRequestRepository.Change.ErasureApproved(actor))) {
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

    private PrivacyRequest require(long id) {
        return requests.find(id).orElseThrow(() -> new PrivacyException("privacy.error.no-request", id));
    }
}

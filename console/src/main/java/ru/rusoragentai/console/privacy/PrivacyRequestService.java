package ru.rusoragentai.console.privacy;

import ru.rusoragentai.console.i18n.Text;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rusoragentai.console.audit.AuditService;
import ru.rusoragentai.console.security.CurrentStaff;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.users.UserService;

/**
 * The privacy desk's requests: intake with deadlines, identity verification, work, approval, completion or
 * rejection, extensions. Every transition is checked against the current status and version and audited.
 */
@Service
@Transactional(readOnly = true)
public class PrivacyRequestService {

    public static final String TARGET = "privacy_request";
    private static final Set<String> CHANNELS = Set.of("email", "telegram", "in_app");
    static final String COMPLAINT_RIGHT = "You may lodge a complaint with a supervisory authority.";

    private final PrivacyRequestRepository repository;
    private final PrivacyTaskRepository tasks;
    private final UserService users;
    private final AuditService audit;
    private final CurrentStaff currentStaff;
    private final Clock clock;

    PrivacyRequestService(PrivacyRequestRepository repository, PrivacyTaskRepository tasks, UserService users, AuditService audit, CurrentStaff currentStaff,
                          Clock clock) {
        this.repository = repository;
        this.tasks = tasks;
        this.users = users;
        this.audit = audit;
        this.currentStaff = currentStaff;
        this.clock = clock;
    }

    /**
     * Records a request. An identifier that matches no user is recorded too (answered "we hold no data"). A
     * reported minor's account is suspended at once.
     */
    /** Today in UTC on the console's clock: the day deadlines count from. */
    @RolesAllowed({Role.Names.SUPPORT, Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    @RolesAllowed({Role.Names.SUPPORT, Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    @Transactional
    public PrivacyRequest create(NewPrivacyRequest intake) {
        if (intake.identifier() == null || intake.identifier().isBlank() || intake.identifier().length() > 254) {
            throw new PrivacyException("privacy.error.identifier");
        }
        if (intake.type() == null || intake.jurisdiction() == null || intake.channel() == null || !CHANNELS.contains(intake.channel())) {
            throw new PrivacyException("privacy.error.type-channel");
        }
        LocalDate today = today();
        LocalDate received = intake.received() == null ? today : intake.received();
        if (received.isAfter(today) || received.isBefore(today.minusYears(1))) {
            throw new PrivacyException("privacy.error.received-date");
        }
        Optional<Long> user = repository.findUser(intake.identifier());
        LocalDateTime receivedAt = received.equals(today) ? now() : received.atStartOfDay();
        String note = intake.note() == null || intake.note().isBlank() ? null : intake.note().strip();
        long id = repository.insert(user.orElse(null), intake.identifier().strip(), intake.type(), intake.channel(),
                intake.jurisdiction(), receivedAt, Deadlines.due(intake.jurisdiction(), received),
                Deadlines.acknowledgeBy(intake.jurisdiction(), received), note, currentStaff.actor(), now());
        audit.record("privacy.request_created", TARGET, Long.toString(id), intake.type().dbValue() + " via " + intake.channel()
                + " under " + intake.jurisdiction().dbValue() + (user.isPresent() ? " for user " + user.get() : ", no user matched"));
        if (intake.type() == RequestType.REPORTED_MINOR && user.isPresent()) {
            users.suspendForPrivacy(user.get(), "reported minor, privacy request " + id);
        }
        return require(id);
    }

    @RolesAllowed({Role.Names.SUPPORT, Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    public PrivacyRequest get(long id) {
        return require(id);
    }

    @RolesAllowed({Role.Names.SUPPORT, Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    public List<PrivacyRequest> list(RequestStatus status, boolean openOnly, int offset, int limit) {
        return repository.find(status, openOnly, offset, limit);
    }

    @RolesAllowed({Role.Names.SUPPORT, Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    public int count(RequestStatus status, boolean openOnly) {
        return repository.count(status, openOnly);
    }

    /** Open requests, how many of them are overdue and how many fall due in the next seven days, for the dashboard. */
    @RolesAllowed({Role.Names.SUPPORT, Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    public int[] openAndOverdue() {
        return repository.openAndOverdue(today());
    }

    /** received → identity verified; OTHER needs a note saying how. */
    @RolesAllowed({Role.Names.SUPPORT, Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    @Transactional
    public PrivacyRequest verifyIdentity(long id, int version, VerificationMethod method, String note) {
        if (method == null || (method == VerificationMethod.OTHER && (note == null || note.isBlank()))) {
            throw new PrivacyException("privacy.error.verification");
        }
        PrivacyRequest request = expect(id, RequestStatus.RECEIVED);
        String cleanNote = note == null || note.isBlank() ? "" : note.strip();
        change(request, version, new PrivacyRequestRepository.Change.Verified(method.dbValue(), cleanNote.isEmpty() ? null : cleanNote),
                "privacy.identity_verified", method.dbValue(), cleanNote);
        return require(id);
    }

    /** identity verified → in progress. */
    @RolesAllowed({Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    @Transactional
    public PrivacyRequest startWork(long id, int version) {
        PrivacyRequest request = expect(id, RequestStatus.IDENTITY_VERIFIED);
        change(request, version, new PrivacyRequestRepository.Change.Started(), "privacy.in_progress", "", null);
        return require(id);
    }

    /**
     * Completes a request with the answer sent: correction (after correcting the user page), objection and
     * restriction (sets the user's flag, which analytics exports honour), access and portability once their package
     * is built, or any type when no user matched ("we hold no data"). Erasures complete on their own.
     */
    @RolesAllowed({Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    @Transactional
    public PrivacyRequest complete(long id, int version, String answer) {
        PrivacyRequest request = expect(id, RequestStatus.IN_PROGRESS);
        if (answer == null || answer.isBlank()) {
            throw new PrivacyException("privacy.error.answer");
        }
        if (request.userId() != null && request.type().needsApproval()) {
            throw new PrivacyException("privacy.error.complete-by-erasure", new Text("privacy.type-in-text." + request.type().dbValue()));
        }
        if (request.userId() != null && request.type().needsJob() && tasks.currentPackage(id, now()).isEmpty()) {
            throw new PrivacyException("privacy.error.package-first");
        }
        if (request.userId() != null && request.type() == RequestType.OBJECTION) {
            users.setProcessingObjectedForPrivacy(request.userId(), "privacy request " + id);
        }
        if (request.userId() != null && request.type() == RequestType.RESTRICTION) {
            users.setProcessingRestrictedForPrivacy(request.userId(), "privacy request " + id);
        }
        String outcome = request.userId() == null ? "We hold no data about " + request.subjectReference() + ". " + answer.strip()
                : answer.strip();
        change(request, version, new PrivacyRequestRepository.Change.Completed(clip(outcome), now()), "privacy.completed", "", clip(outcome));
        return require(id);
    }

    /** Any open status → rejected, with the reason and the right to complain recorded in the answer. */
    @RolesAllowed({Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    @Transactional
    public PrivacyRequest reject(long id, int version, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new PrivacyException("privacy.error.reject-reason");
        }
        PrivacyRequest request = require(id);
        if (!request.status().open()) {
            throw new PrivacyException("privacy.error.already", new Text("privacy.status-in-text." + request.status().dbValue()));
        }
        if (request.approvedBy() != null) {
            throw new PrivacyException("privacy.error.erasure-running");
        }
        String answer = clip(reason.strip() + " " + COMPLAINT_RIGHT);
        change(request, version, new PrivacyRequestRepository.Change.Rejected(clip(reason.strip()), answer, now()), "privacy.rejected", "", reason.strip());
        return require(id);
    }

    /** Extends the deadline within what the law allows (GDPR and other: months; CCPA: days), with a reason. */
    @RolesAllowed({Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    @Transactional
    public PrivacyRequest extend(long id, int version, int amount, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new PrivacyException("privacy.error.extend-reason");
        }
        PrivacyRequest request = require(id);
        if (!request.status().open()) {
            throw new PrivacyException("privacy.error.extend-closed");
        }
        LocalDate due;
        try {
            due = Deadlines.extended(request.jurisdiction(), request.originalDue(), request.extendedBy(), amount);
        } catch (IllegalArgumentException e) {
            // the law allows no such extension: say which rule, in the staff member's language
            throw new PrivacyException(e, amount <= 0 ? "privacy.error.extension.positive"
                    : request.jurisdiction() == Jurisdiction.CCPA ? "privacy.error.extension.ccpa" : "privacy.error.extension.gdpr");
        }
        change(request, version, new PrivacyRequestRepository.Change.Extended(due, request.extendedBy() + amount,
                clip(reason.strip())), "privacy.extended",
                "due " + request.due() + " -> " + due, reason.strip());
        return require(id);
    }

    /**
     * Applies a change and audits it. The free text (a note, an answer, a reason) may name the subject, so for a
     * request linked to a user it is sealed under that user's key, which their erasure destroys.
     */
    private void change(PrivacyRequest request, int version, PrivacyRequestRepository.Change change, String action, String details,
                        String freeText) {
        if (!repository.update(request.id(), version, change)) {
            throw new PrivacyException("privacy.error.concurrent");
        }
        if (freeText != null && !freeText.isEmpty() && request.userId() != null) {
            audit.recordPersonal(action, TARGET, Long.toString(request.id()), details, request.userId(), freeText);
        } else {
            audit.record(action, TARGET, Long.toString(request.id()), freeText == null || freeText.isEmpty() ? details
                    : details.isEmpty() ? freeText : details + ": " + freeText);
        }
    }

    private PrivacyRequest expect(long id, RequestStatus expected) {
        PrivacyRequest request = require(id);
        if (request.status() != expected) {
            throw new PrivacyException("privacy.error.wrong-status", new Text("privacy.status-in-text." + request.status().dbValue()), new Text("privacy.status-in-text." + expected.dbValue()));
        }
        return request;
    }

    private PrivacyRequest require(long id) {
        return repository.find(id).orElseThrow(() -> new PrivacyException("privacy.error.no-request", id));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    private static String clip(String text) {
        return text.length() > 1000 ? text.substring(0, 999) + "…" : text;
    }
}

package ru.rusoragentai.console.users;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rusoragentai.console.audit.AuditService;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.usage.UsageRollupService;

/** One user, seen and corrected by support: the user page's data, identity corrections and status changes. */
@Service
@Transactional(readOnly = true)
public class UserService {

    public static final String AUDIT_TARGET = "user";
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_]{3,64}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

    private final UserRepository repository;
    private final AuditService audit;
    private final UsageRollupService rollup;
    private final Clock clock;

    UserService(UserRepository repository, AuditService audit, UsageRollupService rollup, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.rollup = rollup;
        this.clock = clock;
    }

    @RolesAllowed({Role.Names.SUPPORT, Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    public UserProfile profile(long userId) {
        return repository.profile(userId).orElseThrow(() -> new UserException("user.error.not-found"));
    }

    /** Tokens charged per model per day over the last {@code days} days (UTC). */
    @RolesAllowed({Role.Names.SUPPORT, Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    public List<UserActivity.UsageDay> usageByDay(long userId, int days) {
        LocalDate today = LocalDate.now(clock);
        return repository.usageByDay(userId, today.minusDays(days - 1L), today);
    }

    /** The last day {@link #usageByDay} covers: today in UTC on the console's clock. */
    @RolesAllowed({Role.Names.SUPPORT, Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    @RolesAllowed({Role.Names.SUPPORT, Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    /** The user's AI requests of the last {@code days} days (today included, UTC), newest or oldest first. */
    public List<UserActivity.UsageEvent> usageEvents(long userId, int days, boolean newestFirst, int offset, int limit) {
        return repository.usageEvents(userId, LocalDate.now(clock).minusDays(days - 1L).atStartOfDay(), newestFirst, offset, limit);
    }

    @RolesAllowed({Role.Names.SUPPORT, Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    public int usageEventCount(long userId) {
        return repository.usageEventCount(userId);
    }

    @RolesAllowed({Role.Names.SUPPORT, Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    public List<UserActivity.Session> sessions(long userId) {
        return repository.sessions(userId, 200);
    }

    @RolesAllowed({Role.Names.SUPPORT, Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    public List<UserActivity.Payment> payments(long userId) {
        return repository.payments(userId);
    }

    @RolesAllowed({Role.Names.SUPPORT, Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    public List<UserActivity.LinkedAccount> linkedAccounts(long userId) {
        return repository.sharingAnIp(userId, 100);
    }

    @RolesAllowed({Role.Names.SUPPORT, Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    public List<UserActivity.PrivacyRequest> privacyRequests(long userId) {
        return repository.privacyRequests(userId);
    }

    /**
     * Corrects username, display name and email (GDPR Art. 16) with the before and after values in
     * the audit log. Refuses a stale version, an invalid value or one already used by someone else.
     */
    @RolesAllowed({Role.Names.SUPPORT, Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    @Transactional
    public UserProfile correct(long userId, int version, String username, String displayName, String email, String note) {
        UserProfile before = profile(userId);
        String newUsername = username == null ? "" : username.strip();
        String newName = displayName == null ? "" : displayName.strip();
        String newEmail = email == null || email.isBlank() ? null : email.strip();
        if (!USERNAME.matcher(newUsername).matches()) {
            throw new UserException("user.error.username-invalid");
        }
        if (newName.isEmpty() || newName.length() > 128) {
            throw new UserException("user.error.name-invalid");
        }
        if (newEmail != null && (newEmail.length() > 254 || !EMAIL.matcher(newEmail).matches())) {
            throw new UserException("user.error.email-invalid");
        }
        if (repository.usernameTaken(newUsername, userId)) {
            throw new UserException("user.error.username-taken");
        }
        if (newEmail != null && repository.emailTaken(newEmail, userId)) {
            throw new UserException("user.error.email-taken");
        }
        try {
            if (!repository.updateIdentity(userId, version, newUsername, newName, newEmail)) {
                throw new UserException("user.error.concurrent-change");
            }
        } catch (DuplicateKeyException raced) {
            throw new UserException("user.error.username-taken");
        }
        // which fields changed is public; their old and new values and the note are the user's personal data
        audit.recordPersonal("user.corrected", AUDIT_TARGET, Long.toString(userId), changedFields(before, newUsername, newName, newEmail),
                userId, changes(before, newUsername, newName, newEmail) + (note == null || note.isBlank() ? "" : "; note: " + note.strip()));
        return profile(userId);
    }

    @RolesAllowed({Role.Names.SUPPORT, Role.Names.ADMIN})
    @Transactional
    public UserProfile setSuspended(long userId, int version, boolean suspended, String reason) {
        UserProfile before = profile(userId);
        requireReason(reason);
        if ("deleted".equals(before.status())) {
            throw new UserException("user.error.deleted");
        }
        String status = suspended ? "suspended" : "active";
        if (!repository.updateStatus(userId, version, status)) {
            throw new UserException("user.error.concurrent-change");
        }
        audit.recordPersonal(suspended ? "user.suspended" : "user.unsuspended", AUDIT_TARGET, Long.toString(userId),
                "status " + before.status() + "->" + status, userId, "reason: " + reason.strip());
        return profile(userId);
    }

    /** GDPR Art. 18: while restricted, the user's data is kept but left out of processing such as analytics. */
    @RolesAllowed({Role.Names.SUPPORT, Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    @Transactional
    public UserProfile setProcessingRestricted(long userId, int version, boolean restricted, String reason) {
        profile(userId);
        requireReason(reason);
        if (!repository.updateRestriction(userId, version, restricted)) {
            throw new UserException("user.error.concurrent-change");
        }
        audit.recordPersonal(restricted ? "user.restricted" : "user.unrestricted", AUDIT_TARGET, Long.toString(userId), "",
                userId, "reason: " + reason.strip());
        rollup.userDataChanged(userId);
        return profile(userId);
    }

    /**
     * For the privacy desk, inside its transaction: suspends a reported minor at once. Audited on the user.
     */
    @RolesAllowed({Role.Names.SUPPORT, Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void suspendForPrivacy(long userId, String reason) {
        UserProfile before = profile(userId);
        if (!"suspended".equals(before.status()) && !"deleted".equals(before.status())) {
            setFlagForPrivacy(userId, () -> repository.updateStatus(userId, before.version(), "suspended"),
                    "user.suspended", "status " + before.status() + "->suspended; reason: " + reason);
        }
    }

    /** For the privacy desk: records an objection (GDPR Art. 21); analytics exports leave the user out. */
    @RolesAllowed({Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void setProcessingObjectedForPrivacy(long userId, String reason) {
        UserProfile before = profile(userId);
        setFlagForPrivacy(userId, () -> repository.updateObjection(userId, before.version(), true), "user.objected",
                "reason: " + reason);
        rollup.userDataChanged(userId);
    }

    /** For the privacy desk: restricts processing (GDPR Art. 18) as the outcome of a request. */
    @RolesAllowed({Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void setProcessingRestrictedForPrivacy(long userId, String reason) {
        UserProfile before = profile(userId);
        setFlagForPrivacy(userId, () -> repository.updateRestriction(userId, before.version(), true), "user.restricted",
                "reason: " + reason);
        rollup.userDataChanged(userId);
    }

    /**
     * For abuse monitoring, inside its transaction: suspends or reinstates a user as a graduated measure. A deleted
     * user is left alone; the change is audited on the user with the reason sealed.
     */
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN})
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void setSuspendedForAbuse(long userId, boolean suspended, String reason) {
        UserProfile before = repository.profile(userId).orElseThrow(() -> new UserException("user.error.not-found"));
        String status = suspended ? "suspended" : "active";
        if ("deleted".equals(before.status()) || status.equals(before.status())) {
            return;
        }
        if (!repository.updateStatus(userId, before.version(), status)) {
            throw new UserException("user.error.concurrent-change");
        }
        audit.recordPersonal(suspended ? "user.suspended" : "user.unsuspended", AUDIT_TARGET, Long.toString(userId),
                "status " + before.status() + "->" + status, userId, "reason: " + reason);
    }

    /**
     * For abuse monitoring, inside its transaction: the most tokens the platform lets the user spend per UTC day, or
     * null for no cap ({@code app_user.daily_token_cap}, which the platform honours).
     */
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN})
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void setDailyTokenCapForAbuse(long userId, Long cap, String reason) {
        if (cap != null && cap < 0) {
            throw new UserException("user.error.cap-invalid");
        }
        repository.updateDailyTokenCap(userId, cap);
        audit.recordPersonal(cap == null ? "user.cap_removed" : "user.capped", AUDIT_TARGET, Long.toString(userId),
                cap == null ? "daily token cap removed" : "daily token cap " + cap, userId, "reason: " + reason);
    }

    private void setFlagForPrivacy(long userId, java.util.function.BooleanSupplier update, String action, String details) {
        if (!update.getAsBoolean()) {
            throw new UserException("user.error.concurrent-change");
        }
        audit.record(action, AUDIT_TARGET, Long.toString(userId), details);
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new UserException("user.error.reason-required");
        }
    }

    private static String changedFields(UserProfile before, String username, String displayName, String email) {
        List<String> fields = new java.util.ArrayList<>();
        if (!Objects.equals(before.username(), username)) {
            fields.add("username");
        }
        if (!Objects.equals(before.displayName(), displayName)) {
            fields.add("display_name");
        }
        if (!Objects.equals(before.email(), email)) {
            fields.add("email");
        }
        return fields.isEmpty() ? "no change" : "changed " + String.join(", ", fields);
    }

    private static String changes(UserProfile before, String username, String displayName, String email) {
        StringBuilder out = new StringBuilder();
        change(out, "username", before.username(), username);
        change(out, "display_name", before.displayName(), displayName);
        change(out, "email", before.email(), email);
        return out.isEmpty() ? "no change" : out.toString();
    }

    private static void change(StringBuilder out, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            out.append(out.isEmpty() ? "" : "; ").append(field).append(": '").append(before).append("' -> '").append(after).append("'");
        }
    }
}

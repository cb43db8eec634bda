package ru.rusoragentai.console.staff;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rusoragentai.console.audit.AuditService;
import ru.rusoragentai.console.security.CurrentStaff;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.security.Unguarded;

/** Staff accounts: administration by ADMINs, and each member's own password and preferences. */
@Service
@Transactional(readOnly = true)
public class StaffService {

    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,63}");
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final Set<String> LOCALES = Set.of("en", "ru");

    private final StaffRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final AuditService audit;
    private final CurrentStaff currentStaff;
    private final LoginProperties loginProperties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    StaffService(StaffRepository repository, PasswordEncoder passwordEncoder, AuditService audit,
                 CurrentStaff currentStaff, LoginProperties loginProperties, Clock clock) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.currentStaff = currentStaff;
        this.loginProperties = loginProperties;
        this.clock = clock;
    }

    /** Now on the console's clock (UTC), for telling a lock in force from one that has ended. */
    @RolesAllowed(Role.Names.ADMIN)
    public LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    @RolesAllowed(Role.Names.ADMIN)
    public List<StaffSummary> list() {
        return repository.findAll();
    }

    /** Creates an account with a one-time password the new member must change at first sign-in. */
    @RolesAllowed(Role.Names.ADMIN)
    @Transactional
    public String create(String username, String displayName, Set<Role> roles) {
        String name = username == null ? "" : username.trim().toLowerCase();
        if (!USERNAME.matcher(name).matches()) {
            throw new StaffException("staff.error.username-invalid");
        }
        if (repository.findLogin(name).isPresent()) {
            throw new StaffException("staff.error.username-taken");
        }
        if (roles.isEmpty()) {
            throw new StaffException("staff.error.no-roles");
        }
        String password = randomPassword();
        long id = repository.insert(name, displayName(displayName, name), passwordEncoder.encode(password), roles,
                LocalDateTime.now(clock));
        audit.record("staff.created", StaffLoginService.TARGET, name, "id=" + id + " roles=" + sorted(roles));
        return password;
    }

    @RolesAllowed(Role.Names.ADMIN)
    @Transactional
    public void update(long id, int version, String displayName, boolean enabled, Set<Role> roles) {
        StaffSummary before = repository.findById(id).orElseThrow(() -> new StaffException("staff.error.not-found"));
        if (roles.isEmpty()) {
            throw new StaffException("staff.error.no-roles");
        }
        boolean self = before.username().equals(currentStaff.actor());
        if (self && (!enabled || !roles.contains(Role.ADMIN))) {
            throw new StaffException("staff.error.self-lockout");
        }
        if (!repository.update(id, version, displayName(displayName, before.username()), enabled, roles, LocalDateTime.now(clock))) {
            throw new StaffException("staff.error.concurrent-change");
        }
        audit.record("staff.updated", StaffLoginService.TARGET, before.username(),
                "enabled " + before.enabled() + "->" + enabled + "; roles " + sorted(before.roles()) + "->" + sorted(roles)
                        + (before.displayName().equals(displayName) ? "" : "; display name changed"));
    }

    /** Sets a new one-time password and unlocks the account. */
    @RolesAllowed(Role.Names.ADMIN)
    @Transactional
    public String resetPassword(long id) {
        StaffSummary staff = repository.findById(id).orElseThrow(() -> new StaffException("staff.error.not-found"));
        String password = randomPassword();
        repository.setPassword(id, passwordEncoder.encode(password), true, LocalDateTime.now(clock));
        audit.record("staff.password_reset", StaffLoginService.TARGET, staff.username(), null);
        return password;
    }

    @PermitAll
    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword) {
        String username = currentStaff.username().orElseThrow(() -> new StaffException("staff.error.not-signed-in"));
        StaffLogin login = repository.findLogin(username).orElseThrow(() -> new StaffException("staff.error.not-found"));
        if (!passwordEncoder.matches(currentPassword, login.passwordHash())) {
            throw new StaffException("password.error.current-wrong");
        }
        if (newPassword == null || newPassword.length() < loginProperties.minPasswordLength()) {
            throw new StaffException("password.error.too-short");
        }
        if (newPassword.equalsIgnoreCase(username) || passwordEncoder.matches(newPassword, login.passwordHash())) {
            throw new StaffException("password.error.not-new");
        }
        repository.setPassword(login.id(), passwordEncoder.encode(newPassword), false, LocalDateTime.now(clock));
        audit.record("staff.password_changed", StaffLoginService.TARGET, username, null);
    }

    @PermitAll
    public StaffPreferences myPreferences() {
        return currentStaff.username().flatMap(repository::preferences)
                .orElse(new StaffPreferences("en", StaffPreferences.LIGHT, false));
    }

    @PermitAll
    @Transactional
    public void saveMyPreferences(String locale, String theme) {
        String username = currentStaff.username().orElseThrow(() -> new StaffException("staff.error.not-signed-in"));
        String safeLocale = LOCALES.contains(locale) ? locale : "en";
        String safeTheme = StaffPreferences.DARK.equals(theme) ? StaffPreferences.DARK : StaffPreferences.LIGHT;
        repository.savePreferences(username, safeLocale, safeTheme);
    }

    /** First start: with no staff account at all, create {@code admin} and return its one-time password. */
    @Transactional
    @Unguarded("start-up, before any staff account exists")
    public java.util.Optional<String> createInitialAdminIfNone() {
        if (repository.count() > 0) {
            return java.util.Optional.empty();
        }
        String password = randomPassword();
        repository.insert("admin", "Administrator", passwordEncoder.encode(password), EnumSet.of(Role.ADMIN),
                LocalDateTime.now(clock));
        audit.recordAs(CurrentStaff.SYSTEM, "staff.created", StaffLoginService.TARGET, "admin", "initial administrator");
        return java.util.Optional.of(password);
    }

    private String randomPassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }

    private static String displayName(String displayName, String fallback) {
        return displayName == null || displayName.isBlank() ? fallback : displayName.trim();
    }

    private static List<String> sorted(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().toList();
    }
}

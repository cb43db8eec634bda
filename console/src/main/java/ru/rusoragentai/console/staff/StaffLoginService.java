package ru.rusoragentai.console.staff;

import java.time.Clock;
import java.time.LocalDateTime;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rusoragentai.console.audit.AuditService;
import ru.rusoragentai.console.security.Role;

/**
 * Sign-in against staff accounts in the database, with lockout after repeated failures. Every
 * outcome (success, failure, refusal while locked or disabled, the lockout itself) is audited.
 */
@Service
public class StaffLoginService implements UserDetailsService {

    static final String TARGET = "staff";

    private final StaffRepository repository;
    private final AuditService audit;
    private final LoginProperties properties;
    private final Clock clock;

    StaffLoginService(StaffRepository repository, AuditService audit, LoginProperties properties, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        StaffLogin login = repository.findLogin(username)
                .orElseThrow(() -> new UsernameNotFoundException("No staff account " + username));
        LocalDateTime now = LocalDateTime.now(clock);
        boolean locked = login.lockedUntil() != null && login.lockedUntil().isAfter(now);
        return User.withUsername(login.username())
                .password(login.passwordHash())
                .disabled(!login.enabled())
                .accountLocked(locked)
                .authorities(login.roles().stream().map(Role::authority).toArray(String[]::new))
                .build();
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        repository.lockLogin(username).ifPresent(login -> {
            repository.recordSuccess(login.id(), LocalDateTime.now(clock));
            audit.recordAs(username, "staff.login", TARGET, username, null);
        });
    }

    @EventListener
    @Transactional
    public void onBadCredentials(AuthenticationFailureBadCredentialsEvent event) {
        String username = event.getAuthentication().getName();
        var login = repository.lockLogin(username);
        if (login.isEmpty()) {
            audit.recordAs("anonymous", "staff.login_failed", TARGET, truncate(username), "unknown account");
            return;
        }
        int failures = login.get().failedLogins() + 1;
        if (failures >= properties.maxFailedAttempts()) {
            LocalDateTime until = LocalDateTime.now(clock).plusMinutes(properties.lockMinutes());
            repository.recordFailure(login.get().id(), 0, until);
            audit.recordAs(username, "staff.login_failed", TARGET, username, "attempt " + failures);
            audit.recordAs(username, "staff.locked", TARGET, username, "locked until " + until + " UTC");
        } else {
            repository.recordFailure(login.get().id(), failures, null);
            audit.recordAs(username, "staff.login_failed", TARGET, username, "attempt " + failures);
        }
    }

    @EventListener
    @Transactional
    public void onLocked(AuthenticationFailureLockedEvent event) {
        String username = event.getAuthentication().getName();
        audit.recordAs(username, "staff.login_refused", TARGET, username, "account locked");
    }

    @EventListener
    @Transactional
    public void onDisabled(AuthenticationFailureDisabledEvent event) {
        String username = event.getAuthentication().getName();
        audit.recordAs(username, "staff.login_refused", TARGET, username, "account disabled");
    }

    private static String truncate(String value) {
        return value.length() > 64 ? value.substring(0, 64) : value;
    }
}

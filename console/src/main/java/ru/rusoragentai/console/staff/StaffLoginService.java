package ru.rusoragentai.console.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import ru.rusoragentai.console.audit.AuditService;
import ru.rusoragentai.console.security.Throttle;
import ru.rusoragentai.console.security.Unguarded;

/**
 * Sign-in against staff accounts in the database. Each attempt is decided under the account's row lock: whether it
 * is locked, whether the password matches, the new failure count and the lockout, so attempts in flight at the same
 * moment are decided one after the other and none can undo another's lock. A lock in force is never cleared or
 * shortened by a failure. In front of that, failures are throttled per client address and per account name
 * (unknown names too), so guessing across accounts or names is slowed as well. Every outcome is audited.
 */
@Service
@Unguarded("the sign-in itself: nobody is signed in yet")
public class StaffLoginService implements AuthenticationProvider {

    static final String TARGET = "staff";

    private final StaffRepository repository;
    private final AuditService audit;
    private final LoginProperties properties;
    private final PasswordEncoder passwordEncoder;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Throttle byAddress;
    private final Throttle byName;
    /** Compared against when the account does not exist, so an unknown name takes as long as a wrong password. */
    private final String absentHash;

    StaffLoginService(StaffRepository repository, AuditService audit, LoginProperties properties,
                      PasswordEncoder passwordEncoder, TransactionTemplate tx, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.properties = properties;
        this.passwordEncoder = passwordEncoder;
        this.tx = tx;
        this.clock = clock;
        Duration coolDown = Duration.ofMinutes(properties.throttleMinutes());
        this.byAddress = new Throttle(properties.maxFailuresPerAddress(), coolDown, 100_000, clock);
        this.byName = new Throttle(properties.maxFailuresPerName(), coolDown, 100_000, clock);
        this.absentHash = passwordEncoder.encode(java.util.UUID.randomUUID().toString());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String username = request.getName() == null ? "" : request.getName();
        String password = request.getCredentials() == null ? "" : request.getCredentials().toString();
        String name = "name:" + username.strip().toLowerCase(Locale.ROOT);
        String address = clientAddress(request);
        if (byName.isBlocked(name) || (address != null && byAddress.isBlocked("ip:" + address))) {
            tx.executeWithoutResult(s -> audit.recordAs("anonymous", "staff.login_throttled", TARGET, truncate(username),
                    address == null ? "too many failures for this name" : "too many failures from " + address + " or for this name"));
            throw new LoginThrottledException();
        }
        // the decision commits (failure count, lock, audit) before a refusal is thrown
        Object outcome = tx.execute(s -> {
            try {
                return decide(username, password);
            } catch (AuthenticationException refused) {
                return refused;
            }
        });
        if (outcome instanceof AuthenticationException refused) {
            byName.recordFailure(name);
            if (address != null) {
                byAddress.recordFailure("ip:" + address);
            }
            throw refused;
        }
        byName.reset(name);
        return (Authentication) outcome;
    }

    private Authentication decide(String username, String password) {
        var found = repository.lockLogin(username);
        if (found.isEmpty()) {
            passwordEncoder.matches(password, absentHash);
            audit.recordAs("anonymous", "staff.login_failed", TARGET, truncate(username), "unknown account");
            throw new BadCredentialsException("Bad credentials");
        }
        StaffLogin login = found.get();
        LocalDateTime now = LocalDateTime.now(clock);
        boolean lockInForce = login.lockedUntil() != null && login.lockedUntil().isAfter(now);
        if (!login.enabled()) {
            audit.recordAs(username, "staff.login_refused", TARGET, username, "account disabled");
            throw new DisabledException("Account disabled");
        }
        if (lockInForce) {
            audit.recordAs(username, "staff.login_refused", TARGET, username, "account locked");
            throw new LockedException("Account locked");
        }
        if (!passwordEncoder.matches(password, login.passwordHash())) {
            recordFailure(login, now);
            throw new BadCredentialsException("Bad credentials");
        }
        repository.recordSuccess(login.id(), now);
        audit.recordAs(username, "staff.login", TARGET, username, null);
        List<GrantedAuthority> authorities = new ArrayList<>();
        login.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority(r.authority())));
        authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY));
        User principal = new User(login.username(), "", authorities);
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
    }

    /** Called with the row locked and no lock in force; an expired lock starts a new count. */
    private void recordFailure(StaffLogin login, LocalDateTime now) {
        int failures = (login.lockedUntil() == null ? login.failedLogins() : 0) + 1;
        audit.recordAs(login.username(), "staff.login_failed", TARGET, login.username(), "attempt " + failures);
        if (failures >= properties.maxFailedAttempts()) {
            LocalDateTime until = now.plusMinutes(properties.lockMinutes());
            repository.recordFailure(login.id(), failures, until);
            audit.recordAs(login.username(), "staff.locked", TARGET, login.username(), "locked until " + until + " UTC");
        } else {
            repository.recordFailure(login.id(), failures, null);
        }
    }

    private static String clientAddress(Authentication request) {
        return request.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }

    private static String truncate(String value) {
        return value.length() > 64 ? value.substring(0, 64) : value;
    }

    /** Refused before the password is looked at: too many recent failures from this address or for this name. */
    public static final class LoginThrottledException extends AuthenticationException {
        LoginThrottledException() {
            super("Too many failed sign-ins; try again later");
        }
    }
}

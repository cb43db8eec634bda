package ru.rusoragentai.console.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.rusoragentai.db.Tables.AUDIT_EVENT;
import static ru.rusoragentai.db.Tables.STAFF_ACCOUNT;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.support.DatabaseTest;
import ru.rusoragentai.console.support.TestData;
import ru.rusoragentai.console.support.TestClock;

class StaffLoginIT extends DatabaseTest {

    @Autowired
    StaffService staffService;
    @Autowired
    AuthenticationConfiguration authenticationConfiguration;

    private AuthenticationManager authenticationManager;
    private String username;
    private String password;

    @BeforeEach
    void createStaff() throws Exception {
        authenticationManager = authenticationConfiguration.getAuthenticationManager();
        username = TestData.unique("agent");
        signInAs("test-admin", Role.ADMIN);
        password = staffService.create(username, "Test Agent", EnumSet.of(Role.SUPPORT));
        signOut();
    }

    @AfterEach
    void cleanUp() {
        signOut();
    }

    @Test
    void shouldSignInWithTheRightPasswordAndGrantTheAccountsRoles() {
        Authentication auth = login(username, password);
        assertThat(auth.isAuthenticated()).isTrue();
        assertThat(auth.getAuthorities()).extracting(Object::toString).filteredOn(a -> a.startsWith("ROLE_")).containsExactly("ROLE_SUPPORT");
        assertThat(auditCount("staff.login")).isEqualTo(1);
        assertThat(dsl.select(STAFF_ACCOUNT.LAST_LOGIN_AT).from(STAFF_ACCOUNT).where(STAFF_ACCOUNT.USERNAME.eq(username))
                .fetchSingle().value1()).isNotNull();
    }

    @Test
    void shouldRefuseAWrongPasswordAndAuditIt() {
        assertThatThrownBy(() -> login(username, "wrong-password")).isInstanceOf(BadCredentialsException.class);
        assertThat(auditCount("staff.login_failed")).isEqualTo(1);
        assertThat(failedLogins()).isEqualTo(1);
    }

    @Test
    void shouldLockTheAccountForFifteenMinutesAfterFiveFailures() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> login(username, "wrong-password")).isInstanceOf(BadCredentialsException.class);
        }
        LocalDateTime lockedUntil = dsl.select(STAFF_ACCOUNT.LOCKED_UNTIL).from(STAFF_ACCOUNT)
                .where(STAFF_ACCOUNT.USERNAME.eq(username)).fetchSingle().value1();
        assertThat(lockedUntil).isBetween(TestClock.now().plusMinutes(14),
                TestClock.now().plusMinutes(16));
        assertThat(auditCount("staff.locked")).isEqualTo(1);

        // even the right password is refused while locked
        assertThatThrownBy(() -> login(username, password)).isInstanceOf(LockedException.class);
        assertThat(auditCount("staff.login_refused")).isEqualTo(1);

        // once the lock has expired the right password works again and the counter is reset
        dsl.update(STAFF_ACCOUNT).set(STAFF_ACCOUNT.LOCKED_UNTIL, TestClock.now().minusSeconds(1))
                .where(STAFF_ACCOUNT.USERNAME.eq(username)).execute();
        assertThat(login(username, password).isAuthenticated()).isTrue();
        assertThat(failedLogins()).isZero();
    }

    @Test
    void shouldStayLockedWhenTwentyWrongPasswordsArriveAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Throwable>> attempts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            attempts.add(pool.submit(() -> {
                start.await();
                try {
                    login(username, "wrong-password");
                    return null;
                } catch (AuthenticationException e) {
                    return e;
                }
            }));
        }
        start.countDown();
        for (Future<Throwable> attempt : attempts) {
            assertThat(attempt.get(60, TimeUnit.SECONDS)).isInstanceOf(AuthenticationException.class);
        }
        pool.shutdown();

        LocalDateTime lockedUntil = dsl.select(STAFF_ACCOUNT.LOCKED_UNTIL).from(STAFF_ACCOUNT)
                .where(STAFF_ACCOUNT.USERNAME.eq(username)).fetchSingle().value1();
        assertThat(lockedUntil).isAfter(TestClock.now().plusMinutes(14));
        assertThat(auditCount("staff.locked")).isEqualTo(1);
        assertThatThrownBy(() -> login(username, password)).isInstanceOf(AuthenticationException.class);

        // the lock ends (and the name's throttle with it): the right password works again
        TestClock.get().advance(Duration.ofMinutes(16));
        assertThat(login(username, password).isAuthenticated()).isTrue();
    }

    @Test
    void shouldThrottleAnUnknownNameAndAuditTheRefusal() {
        String unknown = TestData.unique("nobody");
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> login(unknown, "guess")).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> login(unknown, "guess")).isInstanceOf(StaffLoginService.LoginThrottledException.class);
        assertThat(auditCount("staff.login_throttled", unknown)).isEqualTo(1);
    }

    @Test
    void shouldThrottleAClientAddressThatGuessesAcrossNames() {
        String address = "203.0.113." + (TestData.unique("").hashCode() & 0x7f);
        for (int i = 0; i < 30; i++) {
            String name = TestData.unique("guess");
            assertThatThrownBy(() -> loginFrom(address, name, "guess")).isInstanceOf(BadCredentialsException.class);
        }
        // even the right password of a real account is refused from that address, and accepted from another
        assertThatThrownBy(() -> loginFrom(address, username, password)).isInstanceOf(StaffLoginService.LoginThrottledException.class);
        assertThat(failedLogins()).isZero();
        assertThat(loginFrom("198.51.100.7", username, password).isAuthenticated()).isTrue();
    }

    @Test
    void shouldRefuseADisabledAccount() {
        signInAs("test-admin", Role.ADMIN);
        StaffSummary staff = staffService.list().stream().filter(s -> s.username().equals(username)).findFirst().orElseThrow();
        staffService.update(staff.id(), staff.version(), staff.displayName(), false, staff.roles());
        signOut();
        assertThatThrownBy(() -> login(username, password)).isInstanceOf(DisabledException.class);
    }

    @Test
    void shouldRequireAndAcceptAPasswordChangeAfterFirstSignIn() {
        login(username, password);
        signInAs(username, Role.SUPPORT);
        assertThat(staffService.myPreferences().mustChangePassword()).isTrue();
        assertThatThrownBy(() -> staffService.changeOwnPassword(password, "short"))
                .isInstanceOf(StaffException.class).hasMessage("password.error.too-short");
        assertThatThrownBy(() -> staffService.changeOwnPassword("not-the-password", "a-much-longer-password"))
                .isInstanceOf(StaffException.class).hasMessage("password.error.current-wrong");
        staffService.changeOwnPassword(password, "a-much-longer-password");
        assertThat(staffService.myPreferences().mustChangePassword()).isFalse();
        assertThat(auditCount("staff.password_changed")).isEqualTo(1);
        signOut();
        assertThatThrownBy(() -> login(username, password)).isInstanceOf(BadCredentialsException.class);
        assertThat(login(username, "a-much-longer-password").isAuthenticated()).isTrue();
    }

    @Test
    void shouldLetOnlyAdminsManageStaff() {
        signInAs("someone", Role.SUPPORT, Role.OPERATOR, Role.ANALYST, Role.PRIVACY_OFFICER);
        assertThatThrownBy(() -> staffService.list()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> staffService.create("intruder", "X", EnumSet.of(Role.ADMIN))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> staffService.resetPassword(1)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void shouldNotLetAnAdminLockThemselvesOut() {
        signInAs("test-admin", Role.ADMIN);
        String admin = TestData.unique("admin");
        staffService.create(admin, "Second admin", EnumSet.of(Role.ADMIN));
        StaffSummary self = staffService.list().stream().filter(s -> s.username().equals(admin)).findFirst().orElseThrow();
        signInAs(admin, Role.ADMIN);
        assertThatThrownBy(() -> staffService.update(self.id(), self.version(), self.displayName(), true, EnumSet.of(Role.SUPPORT)))
                .isInstanceOf(StaffException.class).hasMessage("staff.error.self-lockout");
        assertThatThrownBy(() -> staffService.update(self.id(), self.version(), self.displayName(), false, self.roles()))
                .isInstanceOf(StaffException.class).hasMessage("staff.error.self-lockout");
    }

    @Test
    void shouldRejectAStaleEditMadeConcurrently() {
        signInAs("test-admin", Role.ADMIN);
        StaffSummary staff = staffService.list().stream().filter(s -> s.username().equals(username)).findFirst().orElseThrow();
        staffService.update(staff.id(), staff.version(), "First edit", true, staff.roles());
        assertThatThrownBy(() -> staffService.update(staff.id(), staff.version(), "Second edit", true, EnumSet.of(Role.ADMIN)))
                .isInstanceOf(StaffException.class).hasMessage("staff.error.concurrent-change");
        assertThat(staffService.list().stream().filter(s -> s.username().equals(username)).findFirst().orElseThrow().roles())
                .containsExactly(Role.SUPPORT);
    }

    private Authentication login(String user, String pass) {
        return authenticationManager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user, pass));
    }

    private Authentication loginFrom(String address, String user, String pass) {
        var request = UsernamePasswordAuthenticationToken.unauthenticated(user, pass);
        request.setDetails(new WebAuthenticationDetails(address, null));
        return authenticationManager.authenticate(request);
    }

    private int failedLogins() {
        return dsl.select(STAFF_ACCOUNT.FAILED_LOGINS).from(STAFF_ACCOUNT).where(STAFF_ACCOUNT.USERNAME.eq(username)).fetchSingle().value1();
    }

    private int auditCount(String action) {
        return auditCount(action, username);
    }

    private int auditCount(String action, String target) {
        return dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq(action).and(AUDIT_EVENT.TARGET_ID.eq(target)));
    }
}

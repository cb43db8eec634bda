package ru.rusoragentai.console.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.context.WebApplicationContext;
import ru.rusoragentai.console.support.DatabaseTest;
import ru.rusoragentai.console.support.TestClockConfiguration;
import ru.rusoragentai.console.support.TestDatabase;
import ru.rusoragentai.console.users.UserService;

/**
 * The console as the demo command and the benchmarks start it: no web server, none of Vaadin's wiring. Its
 * services must refuse a caller without the right role just as they do in the web application.
 */
@Import(TestClockConfiguration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "console.demo.seed-on-empty=false", "console.jobs.enabled=false",
        "console.crypto.master-key=" + DatabaseTest.TEST_MASTER_KEY,
        "spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration"})
class MethodSecurityOutsideWebIT {

    private static final String URL = TestDatabase.newDatabase("noweb");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, URL);
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    UserService users;
    @Autowired
    ru.rusoragentai.console.shell.DashboardService dashboard;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void shouldRunWithoutAWebContext() {
        assertThat(context).isNotInstanceOf(WebApplicationContext.class);
    }

    @Test
    void shouldRefuseAServiceCallWithoutASignedInStaffMember() {
        assertThatThrownBy(() -> users.profile(1L)).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void shouldRefuseAServiceCallFromTheWrongRole() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "analyst", "n/a", List.of(new SimpleGrantedAuthority(Role.ANALYST.authority()))));
        assertThatThrownBy(() -> users.profile(1L)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void shouldRefuseTheDashboardsBusinessFiguresWithoutASignedInStaffMember() {
        assertThatThrownBy(() -> dashboard.today()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }
}

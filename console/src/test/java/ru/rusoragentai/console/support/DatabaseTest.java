package ru.rusoragentai.console.support;

import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.rusoragentai.console.security.Role;
import org.springframework.context.annotation.Import;

/**
 * Base for tests that need the real Spring context on a real MariaDB. All subclasses share one
 * context and one database (Spring caches the context), so tests create their own uniquely named data.
 */
@Import({TestClockConfiguration.class, TestDetectors.class})
@SpringBootTest(properties = {
        "console.demo.seed-on-empty=false",
        "console.crypto.master-key=" + DatabaseTest.TEST_MASTER_KEY,
        "console.plugins.call-timeout=2s",
        "console.plugins.start-timeout=5s",
        "console.jobs.enabled=false",
        "console.privacy.run-on=caller",
        "console.privacy.package-dir=target/test-packages",
        "console.analytics.exports.dir=target/test-exports",
        "console.analytics.exports.start-at-once=false",
        "console.analytics.exports.progress-every=2",
        "vaadin.launch-browser=false"})
public abstract class DatabaseTest {

    public static final String TEST_MASTER_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    private static final String URL = TestDatabase.newDatabase("shared");

    @Autowired
    protected DSLContext dsl;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> URL);
        registry.add("spring.datasource.username", TestDatabase::user);
        registry.add("spring.datasource.password", TestDatabase::password);
        registry.add("console.plugins.dir", () -> TestPlugins.sharedDir().toString());
        registry.add("console.plugins.trust-dir", () -> TestPlugins.trustDir().toString());
    }

    /**
     * Vaadin installs its own security context strategy per application context; with several
     * cached test contexts in one JVM the static holder may belong to another one, so tests sign in
     * through the strategy of the context under test.
     */
    @Autowired
    protected SecurityContextHolderStrategy securityContexts;

    protected void signInAs(String username, Role... roles) {
        var authorities = java.util.Arrays.stream(roles).map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        var context = securityContexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, "n/a", authorities));
        securityContexts.setContext(context);
    }

    protected void signOut() {
        securityContexts.clearContext();
    }
}

package ru.rusoragentai.plugins.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.rusoragentai.spi.ConsoleExtension;
import ru.rusoragentai.spi.HealthResult;
import ru.rusoragentai.spi.PluginCallException;
import ru.rusoragentai.spi.SettingDescriptor;

/**
 * Contract every console extension honours. Extend it (or one of its subclasses), say how to build the
 * extension, which settings make it work against the stub and how the stub answers a healthy vendor.
 *
 * @param <T> the extension type
 */
public abstract class ConsoleExtensionContract<T extends ConsoleExtension> {

    /** A secret value tests plant in every secret setting; it must never show up anywhere. */
    protected static final String CANARY = "sk-canary-7f3a9c";

    protected StubHttpServer stub;

    /** A new instance of the extension under test. */
    protected abstract T extension();

    /** Makes {@link #stub} answer like a healthy vendor for the extension's health check. */
    protected abstract void stubHealthyVendor(StubHttpServer server);

    /** Settings that make the extension work against {@code stub} (its base URL is already set). */
    protected abstract TestContext.Builder settings(TestContext.Builder builder);

    @BeforeEach
    void startStub() {
        stub = StubHttpServer.start();
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    /** A context pointing at the stub, with the extension's settings and every secret set to {@link #CANARY}. */
    protected TestContext context(Duration timeout) {
        return context(timeout, stub.baseUrl());
    }

    private TestContext context(Duration timeout, String baseUrl) {
        TestContext.Builder builder = settings(TestContext.builder().baseUrl(baseUrl).timeout(timeout));
        for (SettingDescriptor descriptor : extension().settings()) {
            if (descriptor.secret()) {
                builder.secret(descriptor.name(), CANARY);
            }
        }
        return builder.build();
    }

    protected TestContext context() {
        return context(Duration.ofSeconds(5));
    }

    @Test
    void shouldDescribeItsSettingsValidly() {
        List<SettingDescriptor> settings = extension().settings();
        Set<String> names = new HashSet<>();
        for (SettingDescriptor descriptor : settings) {
            assertTrue(names.add(descriptor.name()), "duplicate setting " + descriptor.name());
            assertFalse(descriptor.label().isBlank(), "label of " + descriptor.name());
        }
        assertEquals(settings, extension().settings(), "settings() must be constant");
    }

    @Test
    void shouldReportHealthyAgainstAHealthyVendor() {
        stubHealthyVendor(stub);
        HealthResult result = extension().checkHealth(context());
        assertInstanceOf(HealthResult.Healthy.class, result, result.message());
    }

    /**
     * Whether the health check calls the vendor. A channel that can only check its own configuration returns
     * false, and the two tests about a failing or slow vendor are skipped for it, visibly.
     */
    protected boolean healthCheckCallsTheVendor() {
        return true;
    }

    @Test
    void shouldReportUnhealthyWhenTheVendorFails() {
        assumeTrue(healthCheckCallsTheVendor(), "the health check makes no remote call");
        HealthResult result = extension().checkHealth(context());
        assertInstanceOf(HealthResult.Unhealthy.class, result, "the stub answers 404 to everything here");
    }

    @Test
    void shouldHonourTheTimeoutInItsHealthCheck() {
        assumeTrue(healthCheckCallsTheVendor(), "the health check makes no remote call");
        stubHealthyVendor(stub);
        stub.delayEverything(Duration.ofSeconds(5));
        long started = System.nanoTime();
        HealthResult result;
        try {
            result = extension().checkHealth(context(Duration.ofMillis(300)));
        } catch (PluginCallException expected) {
            result = HealthResult.unhealthy(expected.said());
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < 3_000, "health check took " + millis + " ms with a 300 ms timeout");
        assertInstanceOf(HealthResult.Unhealthy.class, result);
    }

    @Test
    void shouldNeverRevealSecrets() {
        stubHealthyVendor(stub);
        TestContext context = context();
        List<String> texts = new ArrayList<>();
        texts.add(String.valueOf(extension()));
        texts.add(extension().checkHealth(context).toString());
        texts.addAll(exerciseForSecretLeaks(context));
        TestContext unreachable = context(Duration.ofSeconds(2), "http://127.0.0.1:9");
        texts.add(extension().checkHealth(unreachable).toString());
        texts.addAll(context.logLines());
        texts.addAll(unreachable.logLines());
        for (String text : texts) {
            assertFalse(text.contains(CANARY), "secret leaked into: " + text);
        }
    }

    /**
     * Calls the extension's other operations with {@code context} and returns their results' texts (toString,
     * messages of expected exceptions) for the secret-leak check. The default checks nothing more.
     */
    protected List<String> exerciseForSecretLeaks(TestContext context) {
        return List.of();
    }
}

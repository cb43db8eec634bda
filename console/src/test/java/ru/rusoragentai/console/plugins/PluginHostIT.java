package ru.rusoragentai.console.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.rusoragentai.db.Tables.AUDIT_EVENT;
import static ru.rusoragentai.db.Tables.PLUGIN_SETTING;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import ru.rusoragentai.console.plugins.broken.FixedProvider;
import ru.rusoragentai.console.plugins.broken.HangingProvider;
import ru.rusoragentai.console.plugins.broken.ThrowingProvider;
import ru.rusoragentai.console.plugins.broken.ThrowingStartPlugin;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.support.DatabaseTest;
import ru.rusoragentai.console.support.TestPlugins;
import ru.rusoragentai.spi.AiProvider;
import ru.rusoragentai.spi.PaymentChannel;

class PluginHostIT extends DatabaseTest {

    private static final String OK = ">=1.0.0 & <2.0.0";

    @Autowired
    PluginService plugins;

    @Autowired
    PluginHost host;

    @BeforeEach
    void operator() {
        signInAs("operator-" + System.nanoTime(), Role.OPERATOR);
    }

    @AfterEach
    void removeTestPlugins() {
        signInAs("cleanup", Role.ADMIN);
        host.plugins().stream().map(PluginSummary::id).filter(id -> id.startsWith("test-"))
                .forEach(plugins::uninstall);
        signOut();
    }

    @Test
    void shouldStartTheFourBundledPlugins() {
        assertThat(host.plugins()).filteredOn(p -> TestPlugins.BUNDLED.contains(p.id()))
                .hasSize(4).allSatisfy(p -> assertThat(p.state()).isEqualTo(PluginState.STARTED));
        assertThat(host.plugin("pay-tribute").orElseThrow().kinds()).containsExactly(ExtensionKind.PAYMENT_CHANNEL);
        assertThat(host.extensions(AiProvider.class)).extracting(d -> d.extension().providerId())
                .contains("anthropic", "openai", "google");
    }

    @Test
    void shouldRefuseAnIncompatiblePluginWithAClearMessageAndAuditTheAttempt() {
        byte[] jar = TestPlugins.jar("test-future", ">=2.0.0", null, List.of(FixedProvider.class.getName()), FixedProvider.class);

        assertThatThrownBy(() -> plugins.install("future.jar", jar)).isInstanceOf(PluginException.class)
                .hasMessage("Plugin test-future 1.0.0 requires SPI >=2.0.0, but this console offers SPI " + ru.rusoragentai.spi.SpiVersion.current());

        assertThat(host.plugin("test-future")).isEmpty();
        assertThat(TestPlugins.jarsIn(TestPlugins.sharedDir())).doesNotContain("test-future.jar");
        assertThat(auditDetails("plugin.install-refused", "future.jar")).anyMatch(d -> d.contains("requires SPI >=2.0.0"));
    }

    @Test
    void shouldRefuseAFileThatIsNotAPlugin() {
        assertThatThrownBy(() -> plugins.install("notes.jar", "hello".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PluginException.class).hasMessageStartingWith("Not a jar file");
        assertThat(TestPlugins.jarsIn(TestPlugins.sharedDir())).containsExactlyElementsOf(
                TestPlugins.BUNDLED.stream().map(id -> id + ".jar").toList());
    }

    @Test
    void shouldKeepAPluginWhoseStartThrowsAsFailedWhileTheOthersWork() {
        byte[] jar = TestPlugins.jar("test-start", OK, ThrowingStartPlugin.class.getName(), List.of(FixedProvider.class.getName()),
                ThrowingStartPlugin.class, FixedProvider.class);

        PluginSummary installed = plugins.install("start.jar", jar).installed();

        assertThat(installed.state()).isEqualTo(PluginState.FAILED);
        assertThat(installed.error()).contains("boom at start");
        assertBundledStillWork();
    }

    @Test
    void shouldMarkAPluginWithAMissingExtensionClassFailed() {
        byte[] jar = TestPlugins.jar("test-missing", OK, null, List.of("ru.rusoragentai.console.plugins.broken.DoesNotExist"));

        PluginSummary installed = plugins.install("missing.jar", jar).installed();

        assertThat(installed.state()).isEqualTo(PluginState.FAILED);
        assertThat(installed.error()).contains("DoesNotExist").contains("cannot be loaded");
        assertBundledStillWork();
    }

    @Test
    void shouldMarkAPluginThatThrowsOnACallFailedAndKeepTheConsoleUp() {
        plugins.install("throwing.jar", TestPlugins.jar("test-throwing", OK, null, List.of(ThrowingProvider.class.getName()),
                ThrowingProvider.class));
        assertThat(host.plugin("test-throwing").orElseThrow().state()).isEqualTo(PluginState.STARTED);

        PluginHealth result = plugins.testConnection("test-throwing");

        assertThat(result.healthy()).isFalse();
        assertThat(result.message()).contains("checkHealth threw NullPointerException: bug in checkHealth");
        assertThat(host.plugin("test-throwing").orElseThrow().state()).isEqualTo(PluginState.FAILED);
        assertThat(host.extensions(AiProvider.class)).noneMatch(d -> d.pluginId().equals("test-throwing"));
        assertBundledStillWork();
    }

    @Test
    void shouldGiveUpOnAHangingPluginAfterTheTimeout() {
        plugins.install("hanging.jar", TestPlugins.jar("test-hanging", OK, null, List.of(HangingProvider.class.getName()),
                HangingProvider.class));

        long started = System.nanoTime();
        PluginHealth result = plugins.testConnection("test-hanging");
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(millis).isBetween(1_900L, 4_000L);
        assertThat(result.message()).contains("did not answer within 2000 ms");
        assertThat(host.plugin("test-hanging").orElseThrow().state()).isEqualTo(PluginState.FAILED);
        assertBundledStillWork();
    }

    @Test
    void shouldInstallDisableEnableReloadAndUninstallAtRunTimeAndAuditEach() {
        byte[] jar = TestPlugins.jar("test-fixed", OK, null, List.of(FixedProvider.class.getName()), FixedProvider.class);

        assertThat(plugins.install("fixed.jar", jar).installed().state()).isEqualTo(PluginState.STARTED);
        assertThat(host.extension("test-fixed", AiProvider.class)).isPresent();
        assertThat(plugins.disable("test-fixed").state()).isEqualTo(PluginState.DISABLED);
        assertThat(host.extension("test-fixed", AiProvider.class)).isEmpty();
        assertThat(plugins.enable("test-fixed").state()).isEqualTo(PluginState.STARTED);
        assertThat(plugins.reload("test-fixed").state()).isEqualTo(PluginState.STARTED);
        plugins.uninstall("test-fixed");

        assertThat(host.plugin("test-fixed")).isEmpty();
        assertThat(TestPlugins.jarsIn(TestPlugins.sharedDir())).doesNotContain("test-fixed.jar");
        assertThat(dsl.select(AUDIT_EVENT.ACTION).from(AUDIT_EVENT).where(AUDIT_EVENT.TARGET_ID.eq("test-fixed"))
                .orderBy(AUDIT_EVENT.ID).fetch(AUDIT_EVENT.ACTION))
                .containsExactly("plugin.install", "plugin.disable", "plugin.enable", "plugin.reload", "plugin.uninstall");
    }

    @Test
    void shouldStoreSecretsEncryptedAndNeverShowThem() {
        plugins.install("fixed.jar", TestPlugins.jar("test-secret", OK, null, List.of(FixedProvider.class.getName()), FixedProvider.class));

        plugins.saveSettings("test-secret", new SettingsChange(Map.of("base-url", "https://example.test"),
                Map.of("api-key", "sk-live-very-secret"), Set.of()));

        PluginSettingsForm form = plugins.settingsForm("test-secret");
        assertThat(form.secretsSet()).containsExactly("api-key");
        assertThat(form.values()).containsEntry("base-url", "https://example.test").doesNotContainKey("api-key");
        var stored = dsl.selectFrom(PLUGIN_SETTING).where(PLUGIN_SETTING.PLUGIN_ID.eq("test-secret"), PLUGIN_SETTING.NAME.eq("api-key")).fetchSingle();
        assertThat(stored.getValueText()).isNull();
        assertThat(new String(stored.getValueEnc(), StandardCharsets.ISO_8859_1)).doesNotContain("sk-live-very-secret");
        assertThat(plugins.testConnection("test-secret").healthy()).isTrue();
        assertThat(auditDetails("plugin.settings", "test-secret")).allMatch(d -> !d.contains("sk-live"))
                .anyMatch(d -> d.contains("api-key=(secret set)"));
    }

    @Test
    void shouldRefuseInvalidSettingsAndStoreNothing() {
        plugins.install("fixed.jar", TestPlugins.jar("test-invalid", OK, null, List.of(FixedProvider.class.getName()), FixedProvider.class));

        assertThatThrownBy(() -> plugins.saveSettings("test-invalid",
                new SettingsChange(Map.of("base-url", "ftp://nope"), Map.of(), Set.of())))
                .isInstanceOf(PluginException.class)
                .hasMessage("Base URL must be an http or https URL. API key is required.");
        assertThat(dsl.fetchCount(PLUGIN_SETTING, PLUGIN_SETTING.PLUGIN_ID.eq("test-invalid"))).isZero();
    }

    @Test
    void shouldListASecondFileWithALoadedIdAsFailedAndKeepTheFirst() throws Exception {
        java.nio.file.Path copy = java.nio.file.Files.copy(TestPlugins.sharedDir().resolve("pay-tribute.jar"),
                TestPlugins.sharedDir().resolve("pay-tribute-copy.jar"));
        try {
            PluginSummary refused = host.load(copy);

            assertThat(refused.id()).isEqualTo("pay-tribute-copy.jar");
            assertThat(refused.state()).isEqualTo(PluginState.FAILED);
            assertThat(refused.error()).isEqualTo("Plugin pay-tribute is already loaded from pay-tribute.jar; remove one of the two files");
            assertThat(host.plugin("pay-tribute").orElseThrow().state()).isEqualTo(PluginState.STARTED);
        } finally {
            plugins.uninstall("pay-tribute-copy.jar");
        }
        assertThat(java.nio.file.Files.exists(copy)).isFalse();
        assertThat(host.extension("pay-tribute", PaymentChannel.class)).isPresent();
    }

    @Test
    void shouldLetOnlyOperatorsAndAdminsManagePlugins() {
        signInAs("agent", Role.SUPPORT);
        assertThatThrownBy(() -> plugins.plugins()).isInstanceOf(AccessDeniedException.class);
        signInAs("analyst", Role.ANALYST);
        assertThatThrownBy(() -> plugins.disable("ai-openai")).isInstanceOf(AccessDeniedException.class);
        assertThat(host.plugin("ai-openai").orElseThrow().state()).isEqualTo(PluginState.STARTED);
    }

    private void assertBundledStillWork() {
        assertThat(host.plugins()).filteredOn(p -> TestPlugins.BUNDLED.contains(p.id()))
                .allSatisfy(p -> assertThat(p.state()).isEqualTo(PluginState.STARTED));
        assertThat(host.extension("pay-tribute", PaymentChannel.class)).isPresent();
        assertThat(host.extension("ai-anthropic", AiProvider.class).orElseThrow().settings()).isNotEmpty();
    }

    private List<String> auditDetails(String action, String targetId) {
        return dsl.select(AUDIT_EVENT.DETAILS).from(AUDIT_EVENT)
                .where(AUDIT_EVENT.ACTION.eq(action), AUDIT_EVENT.TARGET_ID.eq(targetId)).fetch(AUDIT_EVENT.DETAILS);
    }
}

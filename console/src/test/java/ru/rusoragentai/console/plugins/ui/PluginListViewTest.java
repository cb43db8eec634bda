package ru.rusoragentai.console.plugins.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static ru.rusoragentai.db.Tables.AUDIT_EVENT;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.rusoragentai.console.plugins.PluginService;
import ru.rusoragentai.console.plugins.PluginState;
import ru.rusoragentai.console.plugins.PluginSummary;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.support.KaribuTest;
import ru.rusoragentai.console.support.PluginFixture;
import ru.rusoragentai.console.support.TestPlugins;

class PluginListViewTest extends KaribuTest {

    @Autowired
    PluginService plugins;

    @Autowired
    ru.rusoragentai.console.plugins.SettingsApprovalService approvals;


    @Autowired
    ru.rusoragentai.console.plugins.PluginUploadService uploads;

    @AfterEach
    void cleanUp() {
        signInAs("cleanup", Role.ADMIN);
        uploads.pending().stream().filter(u -> u.pluginId().startsWith("test-")).forEach(u -> uploads.reject(u.id()));
        PluginFixture.removeTestPlugins(plugins);
        if (PluginFixture.state(plugins, "ai-gemini") != PluginState.STARTED) {
            plugins.enable("ai-gemini");
        }
    }

    @Test
    void shouldListTheBundledPluginsWithTheirState() {
        openUiAs("operator-ui", Role.OPERATOR);
        UI.getCurrent().navigate(PluginListView.class);

        assertThat(GridKt._findAll(grid())).extracting(PluginSummary::id).containsAll(TestPlugins.BUNDLED);
        assertThat(GridKt._findAll(grid())).filteredOn(p -> TestPlugins.BUNDLED.contains(p.id()))
                .allSatisfy(p -> assertThat(p.state()).isEqualTo(PluginState.STARTED));
    }

    @Autowired
    java.util.List<ru.rusoragentai.console.jobs.ClusterJob> jobs;

    @Test
    void shouldShowEachStartedPluginsHealthFromTheScheduledCheck() {
        jobs.stream().filter(job -> job.name().equals("plugin-health")).findFirst().orElseThrow().run();
        openUiAs("operator-ui", Role.OPERATOR);
        UI.getCurrent().navigate(PluginListView.class);

        int row = GridKt._findAll(grid()).stream().map(PluginSummary::id).toList().indexOf("ai-anthropic");
        var cell = GridKt._getCellComponent(grid(), row, "health");
        String said = cell.getElement().getTextRecursively();
        assertThat(said).as("started, but without its key it does not work").startsWith("Unhealthy").contains("api-key");
        assertThat(plugins.health().get("ai-anthropic").checkedAt()).isNotNull();
    }

    @Test
    void shouldSayWhatAPluginAnsweredInTheReadersLanguage() {
        jobs.stream().filter(job -> job.name().equals("plugin-health")).findFirst().orElseThrow().run();
        openUiAs("operator-ui", Role.OPERATOR);
        UI.getCurrent().setLocale(java.util.Locale.forLanguageTag("ru"));
        UI.getCurrent().navigate(PluginListView.class);

        // a message the api-spi words (a secret the plugin needs), from the console's bundle
        assertThat(healthSaid("ai-anthropic")).contains("Не задан секрет «api-key»").doesNotContain("is not set");
        // a message the plugin words itself, from its jar's console-texts_ru (which one depends on whether an earlier
        // test gave the channel its key)
        boolean keyed = plugins.settingsForm("pay-tribute").secretsSet().contains("api-key");
        assertThat(healthSaid("pay-tribute")).contains(keyed ? "Ключ API задан" : "Нет ключа API: каждый вебхук будет отклонён.");
        // kept as a text: the same answers read in English on the next visit
        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        UI.getCurrent().navigate(PluginListView.class);
        assertThat(healthSaid("ai-anthropic")).contains("Secret 'api-key' is not set");
        assertThat(healthSaid("pay-tribute")).contains(keyed ? "API key set" : "No API key: every webhook would be refused.");
    }

    private static String healthSaid(String pluginId) {
        int row = GridKt._findAll(grid()).stream().map(PluginSummary::id).toList().indexOf(pluginId);
        return GridKt._getCellComponent(grid(), row, "health").getElement().getTextRecursively();
    }

    @Test
    void shouldShowAPluginsOwnTextsInTheReadersLanguage() {
        openUiAs("operator-ui", Role.OPERATOR);
        UI.getCurrent().setLocale(java.util.Locale.forLanguageTag("ru"));
        UI.getCurrent().navigate(PluginListView.class);

        int row = GridKt._findAll(grid()).stream().map(PluginSummary::id).toList().indexOf("ai-anthropic");
        assertThat(GridKt._getCellComponent(grid(), row, "id").getElement().getTextRecursively())
                .contains("Модели Claude, прайс-лист");
        _click(action("ai-anthropic", "settings"));
        assertThat(_get(PasswordField.class, spec -> spec.withId("setting-api-key")).getLabel()).isEqualTo("Ключ API *");
        assertThat(_get(PasswordField.class, spec -> spec.withId("setting-api-key")).getHelperText()).startsWith("Ключ API рабочего пространства");

        // a language the plugin has no texts for: its own English
        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        UI.getCurrent().navigate(PluginListView.class);
        assertThat(GridKt._getCellComponent(grid(), row, "id").getElement().getTextRecursively())
                .contains("Claude models, list prices");
    }

    @Test
    void shouldRefuseSupportStaff() {
        openUiAs("agent-ui", Role.SUPPORT);
        assertNotAllowed(() -> UI.getCurrent().navigate(PluginListView.class));
    }

    @Test
    void shouldDisableAfterConfirmationAndEnableAgain() {
        openUiAs("operator-ui", Role.OPERATOR);
        UI.getCurrent().navigate(PluginListView.class);

        _click(action("ai-gemini", "disable"));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("plugin-confirm")));

        assertThat(PluginFixture.state(plugins, "ai-gemini")).isEqualTo(PluginState.DISABLED);
        NotificationsKt.expectNotifications("ai-gemini disabled.");
        _click(action("ai-gemini", "enable"));
        assertThat(PluginFixture.state(plugins, "ai-gemini")).isEqualTo(PluginState.STARTED);
        assertThat(dsl.select(AUDIT_EVENT.ACTION).from(AUDIT_EVENT).where(AUDIT_EVENT.TARGET_ID.eq("ai-gemini"),
                AUDIT_EVENT.ACTOR.eq("operator-ui")).orderBy(AUDIT_EVENT.ID).fetch(AUDIT_EVENT.ACTION))
                .endsWith("plugin.disable", "plugin.enable");
    }

    @Test
    void shouldShowAnUnsignedUploadWithItsHashUntilAnotherAdministratorApprovesIt() {
        openUiAs("admin-uploader", Role.ADMIN);
        PluginListView view = UI.getCurrent().navigate(PluginListView.class).orElseThrow();
        byte[] jar = TestPlugins.unsignedJar("test-ui-unsigned", ">=1.0.0 & <2.0.0", null,
                List.of(ru.rusoragentai.console.plugins.broken.FixedProvider.class.getName()),
                ru.rusoragentai.console.plugins.broken.FixedProvider.class);

        view.install("unsigned.jar", jar);

        var pending = uploads.pending().stream().filter(u -> u.pluginId().equals("test-ui-unsigned")).findFirst().orElseThrow();
        NotificationsKt.expectNotifications("Plugin test-ui-unsigned is not signed by a trusted key: it waits for another "
                + "administrator to approve SHA-256 " + pending.sha256() + ".");
        assertThat(GridKt._findAll(grid())).extracting(PluginSummary::id).doesNotContain("test-ui-unsigned");

        openUiAs("admin-approver", Role.ADMIN);
        UI.getCurrent().navigate(PluginListView.class);
        Grid<?> waiting = _get(Grid.class, spec -> spec.withId("pending-uploads-grid"));
        int row = GridKt._findAll(waiting).stream().map(u -> ((ru.rusoragentai.console.plugins.PendingUpload) u).id()).toList()
                .indexOf(pending.id());
        _click(_get(GridKt._getCellComponent(waiting, row, "decide"), Button.class, spec -> spec.withClasses("approve-upload").withAttribute("data-row", Long.toString(pending.id()))));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("pending-upload-confirm")));

        NotificationsKt.expectNotifications("Plugin test-ui-unsigned approved and loaded.");
        assertThat(GridKt._findAll(grid())).extracting(PluginSummary::id).contains("test-ui-unsigned");
    }

    @Test
    void shouldInstallAnUploadedPluginAndShowARefusalClearly() {
        openUiAs("operator-ui", Role.OPERATOR);
        PluginListView view = UI.getCurrent().navigate(PluginListView.class).orElseThrow();

        view.install("bad.jar", new byte[] {1, 2, 3});
        NotificationsKt.expectNotifications("Not a jar file.");
        PluginFixture.installFixedProvider(plugins);
        UI.getCurrent().navigate(PluginListView.class);

        assertThat(GridKt._findAll(grid())).extracting(PluginSummary::id).contains(PluginFixture.FIXED);
    }

    @Test
    void shouldSaveSettingsWithAWriteOnlySecret() {
        openUiAs("operator-ui", Role.OPERATOR);
        UI.getCurrent().navigate(PluginListView.class);

        _click(action("pay-tribute", "settings"));
        _get(PasswordField.class, spec -> spec.withId("setting-api-key")).setValue("ui-secret-key");
        _get(TextArea.class, spec -> spec.withId("setting-products")).setValue("digital:1 = 100 | UI pack");
        _click(_get(Button.class, spec -> spec.withId("plugin-settings-save")));

        // a payment channel's settings wait for a second administrator; the operator sees the change, cannot decide it
        long change = approvals.pending().stream().filter(p -> p.pluginId().equals("pay-tribute")).findFirst().orElseThrow().id();
        NotificationsKt.expectNotifications("Change to pay-tribute recorded as #" + change
                + ": a payment channel's settings take effect only once another administrator approves them.");
        assertThat(GridKt._size(_get(Grid.class, spec -> spec.withId("pending-settings-grid")))).isPositive();
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(Button.class, spec -> spec.withClasses("approve-setting"))).isEmpty();

        openUiAs("admin-ui", Role.ADMIN);
        UI.getCurrent().navigate(PluginListView.class);
        Grid<?> pendingGrid = _get(Grid.class, spec -> spec.withId("pending-settings-grid"));
        int row = GridKt._findAll(pendingGrid).stream().map(p -> ((ru.rusoragentai.console.plugins.PendingSettingsChange) p).id())
                .toList().indexOf(change);
        _click(_get(GridKt._getCellComponent(pendingGrid, row, "decide"), Button.class, spec -> spec.withClasses("approve-setting").withAttribute("data-row", Long.toString(change))));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("pending-setting-confirm")));
        NotificationsKt.expectNotifications("Settings of pay-tribute approved; they are in force now.");
        assertThat(plugins.settingsForm("pay-tribute").secretsSet()).contains("api-key");
        assertThat(plugins.settingsForm("pay-tribute").values()).containsEntry("products", "digital:1 = 100 | UI pack");
        _click(action("pay-tribute", "settings"));
        assertThat(_get(PasswordField.class, spec -> spec.withId("setting-api-key")).getValue()).isEmpty();
        assertThat(_get(PasswordField.class, spec -> spec.withId("setting-api-key")).getPlaceholder())
                .isEqualTo("A value is stored; type to replace it");
        _click(action("pay-tribute", "test"));
        NotificationsKt.expectNotifications("pay-tribute: API key set; token packs mapped: 1. Tribute offers no test call.");
    }

    /** A row's action button (component columns are not rendered into the tree in Karibu). */
    private static Button action(String pluginId, String action) {
        Grid<PluginSummary> grid = grid();
        List<PluginSummary> rows = GridKt._findAll(grid);
        int row = rows.stream().map(PluginSummary::id).toList().indexOf(pluginId);
        Component cell = GridKt._getCellComponent(grid, row, "actions");
        return _get(cell, Button.class, spec -> spec.withClasses("plugin-" + action).withAttribute("data-row", pluginId));
    }

    @SuppressWarnings("unchecked")
    private static Grid<PluginSummary> grid() {
        return _get(Grid.class, spec -> spec.withId("plugins-grid"));
    }

}

package ru.rusoragentai.console.plugins.ui;

import org.jspecify.annotations.Nullable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import java.util.stream.Collectors;
import ru.rusoragentai.console.kit.RowAction;
import ru.rusoragentai.console.i18n.Texts;
import ru.rusoragentai.console.plugins.InstallOutcome;
import ru.rusoragentai.console.plugins.PluginException;
import ru.rusoragentai.console.plugins.PluginHealth;
import ru.rusoragentai.console.plugins.PluginService;
import ru.rusoragentai.console.plugins.PluginState;
import ru.rusoragentai.console.plugins.PluginSummary;
import ru.rusoragentai.console.plugins.PluginUploadService;
import ru.rusoragentai.console.plugins.SettingsApprovalService;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.kit.Badge;
import ru.rusoragentai.console.kit.BoundedUpload;
import ru.rusoragentai.console.kit.Toasts;

/** Installed plugins: state and errors; install, settings, test connection, enable/disable, reload, uninstall. */
@Menu(title = "nav.plugins", order = 11, icon = "vaadin:plug")
@Route("plugins")
@RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN})
public class PluginListView extends VerticalLayout implements HasDynamicTitle {

    private final PluginService plugins;
    private static final java.time.format.DateTimeFormatter CHECKED = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Grid<PluginSummary> grid = new Grid<>();
    private java.util.Map<String, PluginHealth> health = java.util.Map.of();
    private final PendingSettingsPanel pending;
    private final PendingUploadsPanel uploads;

    public PluginListView(PluginService plugins, SettingsApprovalService approvals, PluginUploadService uploadService) {
        this.plugins = plugins;
        this.uploads = new PendingUploadsPanel(uploadService, () -> grid.setItems(plugins.plugins()));
        this.pending = new PendingSettingsPanel(approvals, () -> grid.setItems(plugins.plugins()));
        setSizeFull();
        grid.setId("plugins-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(this::identity).setKey("id").setHeader(getTranslation("plugins.id"))
                .setComparator(PluginSummary::id).setSortable(true).setWidth("15em").setFlexGrow(3);
        grid.addComponentColumn(PluginListView::release).setKey("version").setHeader(getTranslation("plugins.version")).setWidth("9em").setFlexGrow(0);
        grid.addColumn(p -> p.kinds().stream().map(k -> getTranslation("plugins.kind." + k.name().toLowerCase(Locale.ROOT)))
                .sorted().collect(Collectors.joining(", "))).setHeader(getTranslation("plugins.kinds")).setWidth("8em").setFlexGrow(0);
        grid.addComponentColumn(this::state).setKey("state").setHeader(getTranslation("plugins.state")).setWidth("8em").setFlexGrow(0);
        grid.addComponentColumn(this::health).setKey("health").setHeader(getTranslation("plugins.health")).setWidth("13em")
                .setFlexGrow(2);
        grid.addComponentColumn(this::actions).setKey("actions").setHeader(getTranslation("staff.actions")).setAutoWidth(true);
        grid.setSizeFull();
        grid.setEmptyStateText(getTranslation("plugins.empty"));
        add(new H2(getTranslation("plugins.heading")), installer(), uploads, pending, grid);
        refresh();
    }

    private Component installer() {
        Upload upload = new Upload(new BoundedUpload(plugins.maxUploadBytes(), this::install,
                name -> error(getTranslation("plugins.install.too-big", plugins.maxUploadBytes() / (1024 * 1024)))));
        upload.setId("plugin-upload");
        upload.setMinWidth("22rem");
        upload.setAcceptedFileTypes(".jar", "application/java-archive");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, plugins.maxUploadBytes()));
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("plugins.install")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("plugins.install.drop")));
        i18n.setError(new UploadI18N.Error().setIncorrectFileType(getTranslation("plugins.install.type"))
                .setFileIsTooBig(getTranslation("plugins.install.too-big", plugins.maxUploadBytes() / (1024 * 1024))));
        upload.setI18n(i18n);
        Paragraph help = new Paragraph(getTranslation("plugins.install.help"));
        help.addClassName("hint");
        HorizontalLayout row = new HorizontalLayout(upload, help);
        row.setAlignItems(Alignment.CENTER);
        return row;
    }

    void install(String fileName, byte[] data) {
        try {
            InstallOutcome outcome = plugins.install(fileName, data);
            if (outcome.isPending()) {
                Notification.show(getTranslation("plugins.upload.pending", outcome.pending().pluginId(), outcome.pending().sha256()),
                        10_000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_WARNING);
                refresh();
                return;
            }
            PluginSummary installed = outcome.installed();
            if (installed.state() == PluginState.FAILED) {
                error(getTranslation("plugins.installed-failed", installed.id(), installed.error()));
            } else {
                success(getTranslation("plugins.installed", installed.id(), installed.version()));
            }
        } catch (PluginException refused) {
            error(Texts.of(this, refused));
        }
        refresh();
    }

    private Component identity(PluginSummary plugin) {
        Span id = new Span(plugin.id());
        id.addClassName("plugin-id");
        Span description = new Span(plugins.description(plugin, getLocale()));
        description.addClassName("plugin-description");
        return new Div(id, description);
    }

    /** The version, and under it who provides the plugin. */
    private static Component release(PluginSummary plugin) {
        Span provider = new Span(plugin.provider() == null ? "" : plugin.provider());
        provider.addClassName("plugin-description");
        return new Div(new Div(plugin.version()), provider);
    }

    private Component state(PluginSummary plugin) {
        String theme = switch (plugin.state()) {
            case STARTED -> "success";
            case DISABLED -> "contrast";
            case FAILED -> "error";
        };
        Span badge = Badge.of(getTranslation("plugins.state." + plugin.state().name().toLowerCase(Locale.ROOT)), theme);
        Div cell = new Div(badge);
        if (plugin.error() != null) {
            Span error = new Span(plugin.error());
            error.addClassName("plugin-error");
            cell.add(error);
        }
        return cell;
    }

    /** The last health answer of a started plugin: healthy or not, when, and what it said. */
    private Component health(PluginSummary plugin) {
        if (plugin.state() != PluginState.STARTED) {
            return new Span();
        }
        PluginHealth answer = health.get(plugin.id());
        if (answer == null) {
            return Badge.of(getTranslation("plugins.health.unknown"), "contrast");
        }
        Div cell = new Div(Badge.of(getTranslation(answer.healthy() ? "plugins.health.ok" : "plugins.health.bad"), answer.healthy() ? "success" : "error"));
        String message = Texts.of(this, answer.said());
        Span said = new Span(getTranslation("plugins.health.checked", CHECKED.format(answer.checkedAt()), message));
        said.addClassName("plugin-error");
        cell.add(said);
        cell.getElement().setAttribute("title", message);
        return cell;
    }

    private @Nullable Component actions(PluginSummary plugin) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        actions.getStyle().set("gap", "var(--lumo-space-xs)");
        boolean loaded = !"?".equals(plugin.version());
        if (plugin.state() == PluginState.STARTED) {
            actions.add(small("settings", plugin, VaadinIcon.COG, p -> new PluginSettingsDialog(plugins, p.id(), this::refresh).open()),
                    small("test", plugin, VaadinIcon.CONNECT, this::test),
                    small("disable", plugin, VaadinIcon.PAUSE, p -> confirm(p, "disable", () -> plugins.disable(p.id()))));
        } else if (plugin.state() == PluginState.DISABLED) {
            actions.add(small("enable", plugin, VaadinIcon.PLAY, p -> act(() -> plugins.enable(p.id()), "plugins.enable.done", p)));
        }
        if (loaded) {
            actions.add(small("reload", plugin, VaadinIcon.REFRESH, p -> act(() -> plugins.reload(p.id()), "plugins.reload.done", p)));
        }
        Button uninstall = small("uninstall", plugin, VaadinIcon.TRASH, p -> confirm(p, "uninstall", () -> {
            plugins.uninstall(p.id());
            return null;
        }));
        uninstall.addThemeVariants(ButtonVariant.LUMO_ERROR);
        actions.add(uninstall);
        return actions;
    }

    private Button small(String action, PluginSummary plugin, VaadinIcon icon, java.util.function.Consumer<PluginSummary> handler) {
        Button button = new Button(icon.create(), e -> handler.accept(plugin));
        RowAction.mark(button, "plugin-" + action, plugin.id());
        button.setTooltipText(getTranslation("plugins." + action));
        button.setAriaLabel(getTranslation("plugins." + action) + " " + plugin.id());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        return button;
    }

    private void test(PluginSummary plugin) {
        try {
            PluginHealth result = plugins.testConnection(plugin.id());
            if (result.healthy()) {
                success(getTranslation("plugins.test.ok", plugin.id(), Texts.of(this, result.said())));
            } else {
                error(getTranslation("plugins.test.failed", plugin.id(), Texts.of(this, result.said())));
            }
        } catch (PluginException e) {
            error(Texts.of(this, e));
        }
        refresh();
    }

    private void confirm(PluginSummary plugin, String action, java.util.function.Supplier<PluginSummary> work) {
        ConfirmDialog dialog = new ConfirmDialog(getTranslation("plugins." + action) + " " + plugin.id(),
                getTranslation("plugins." + action + ".confirm", plugin.id()), getTranslation("plugins." + action),
                e -> act(work, "plugins." + action + ".done", plugin));
        dialog.setId("plugin-confirm");
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    private void act(java.util.function.Supplier<PluginSummary> work, String messageKey, PluginSummary plugin) {
        try {
            PluginSummary after = work.get();
            if (after != null && after.state() == PluginState.FAILED) {
                error(plugin.id() + ": " + after.error());
            } else {
                success(getTranslation(messageKey, plugin.id()));
            }
        } catch (PluginException e) {
            error(Texts.of(this, e));
        }
        refresh();
    }

    private void refresh() {
        health = plugins.health();
        grid.setItems(plugins.plugins());
        pending.refresh();
        uploads.refresh();
    }

    private static void success(String text) {
        Toasts.show(text, NotificationVariant.LUMO_SUCCESS, 4_000, Notification.Position.BOTTOM_START);
    }

    private static void error(String text) {
        Toasts.show(text, NotificationVariant.LUMO_ERROR, 10_000, Notification.Position.MIDDLE);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("plugins.heading");
    }

}

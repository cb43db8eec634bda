package ru.rusoragentai.console.plugins.ui;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import ru.rusoragentai.console.i18n.Texts;
import ru.rusoragentai.console.plugins.PluginException;
import ru.rusoragentai.console.plugins.PluginService;
import ru.rusoragentai.console.plugins.PluginSettingsForm;
import ru.rusoragentai.console.plugins.SettingsChange;
import ru.rusoragentai.console.plugins.SettingsSaved;
import ru.rusoragentai.spi.SettingDescriptor;

/**
 * A plugin's settings form, rendered from its descriptors. Secrets are write-only: the field starts empty with
 * a note that a value is stored; typing replaces it, the "clear" box removes it.
 */
class PluginSettingsDialog extends Dialog {

    private final PluginService plugins;
    private final String pluginId;
    private final Runnable onSaved;
    private final Map<String, AbstractField<?, String>> plainFields = new LinkedHashMap<>();
    private final Map<String, PasswordField> secretFields = new LinkedHashMap<>();
    private final Map<String, Checkbox> clearBoxes = new HashMap<>();

    PluginSettingsDialog(PluginService plugins, String pluginId, Runnable onSaved) {
        this.plugins = plugins;
        this.pluginId = pluginId;
        this.onSaved = onSaved;
        setId("plugin-settings-dialog");
        setHeaderTitle(getTranslation("plugins.settings.title", pluginId));
        setWidth("640px");
        PluginSettingsForm form = plugins.settingsForm(pluginId);
        FormLayout layout = new FormLayout();
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        for (SettingDescriptor descriptor : form.descriptors()) {
            layout.add(field(descriptor, form));
        }
        if (form.descriptors().isEmpty()) {
            layout.add(new Paragraph(getTranslation("plugins.settings.none")));
        }
        add(layout);
        Button save = new Button(getTranslation("action.save"), e -> save());
        save.setId("plugin-settings-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }

    private Component field(SettingDescriptor d, PluginSettingsForm form) {
        String label = plugins.label(pluginId, d, getLocale()) + (d.required() ? " *" : "");
        String help = plugins.help(pluginId, d, getLocale());
        if (d.secret()) {
            PasswordField secret = new PasswordField(label);
            secret.setId("setting-" + d.name());
            secret.setRevealButtonVisible(false);
            secret.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.OFF);
            boolean stored = form.secretsSet().contains(d.name());
            secret.setPlaceholder(getTranslation(stored ? "plugins.settings.secret-stored" : "plugins.settings.secret-unset"));
            secret.setHelperText(help);
            secret.setWidthFull();
            secretFields.put(d.name(), secret);
            if (stored) {
                Checkbox clear = new Checkbox(getTranslation("plugins.settings.secret-clear"));
                clear.setId("setting-clear-" + d.name());
                clearBoxes.put(d.name(), clear);
                return new com.vaadin.flow.component.html.Div(secret, clear);
            }
            return secret;
        }
        AbstractField<?, String> field;
        if (d.type() == ru.rusoragentai.spi.SettingType.MULTILINE) {
            TextArea area = new TextArea(label);
            area.setHelperText(help);
            area.setMinHeight("8em");
            area.setWidthFull();
            field = area;
        } else {
            TextField text = new TextField(label);
            text.setHelperText(help);
            text.setWidthFull();
            field = text;
        }
        field.setId("setting-" + d.name());
        field.setValue(form.values().getOrDefault(d.name(), ""));
        plainFields.put(d.name(), field);
        return field;
    }

    void save() {
        Map<String, String> values = new HashMap<>();
        plainFields.forEach((name, field) -> values.put(name, field.getValue()));
        Map<String, String> secrets = new HashMap<>();
        secretFields.forEach((name, field) -> {
            if (!field.getValue().isEmpty()) {
                secrets.put(name, field.getValue());
            }
        });
        Set<String> cleared = new HashSet<>();
        clearBoxes.forEach((name, box) -> {
            if (box.getValue()) {
                cleared.add(name);
            }
        });
        try {
            SettingsSaved saved = plugins.saveSettings(pluginId, new SettingsChange(values, secrets, cleared));
            if (saved.pending()) {
                Notification.show(getTranslation("plugins.settings.pending", pluginId, saved.pendingChangeId()), 8_000,
                        Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_WARNING);
            } else {
                Notification.show(getTranslation("plugins.settings.saved", pluginId)).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            }
            close();
            onSaved.run();
        } catch (PluginException invalid) {
            Notification notification = Notification.show(Texts.of(this, invalid), 8_000, Notification.Position.MIDDLE);
            notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}

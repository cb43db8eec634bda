package ru.rusoragentai.console.plugins;

import ru.rusoragentai.console.i18n.Text;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import ru.rusoragentai.console.crypto.SecretCipher;
import ru.rusoragentai.spi.SettingDescriptor;

/** Checks a settings change against the plugin's form, describes it and writes it; secrets are stored encrypted. */
@Component
class SettingsWriter {

    private final PluginSettingsRepository settings;
    private final PluginContexts contexts;
    private final SecretCipher cipher;

    SettingsWriter(PluginSettingsRepository settings, PluginContexts contexts, SecretCipher cipher) {
        this.settings = settings;
        this.contexts = contexts;
        this.cipher = cipher;
    }

    /** @throws PluginException listing every problem of the change */
    void validate(PluginSettingsForm form, SettingsChange change) {
        List<Text> problems = SettingsValidator.problems(form.descriptors(), change, form.secretsSet());
        if (!problems.isEmpty()) {
            throw new PluginException("plugins.settings.error.all", problems);
        }
    }

    /** What the change would change, one entry per setting; secrets are named, never shown. */
    Set<String> describe(PluginSettingsForm form, SettingsChange change) {
        Set<String> changed = new TreeSet<>();
        for (SettingDescriptor d : form.descriptors()) {
            if (d.secret()) {
                if (change.newSecrets().containsKey(d.name())) {
                    changed.add(d.name() + "=(secret set)");
                } else if (change.clearedSecrets().contains(d.name())) {
                    changed.add(d.name() + "=(secret cleared)");
                }
                continue;
            }
            String value = change.values().getOrDefault(d.name(), "").strip();
            String before = form.values().get(d.name());
            if (!value.equals(before == null ? "" : before)) {
                changed.add(d.name() + ": " + abbreviate(before) + " -> " + abbreviate(value.isEmpty() ? null : value));
            }
        }
        return changed;
    }

    /** Writes the change; returns what it changed. */
    Set<String> write(String pluginId, PluginSettingsForm form, SettingsChange change, String actor, LocalDateTime now) {
        Set<String> changed = describe(form, change);
        for (SettingDescriptor d : form.descriptors()) {
            if (d.secret()) {
                if (change.newSecrets().containsKey(d.name())) {
                    settings.saveSecret(pluginId, d.name(), cipher.encryptString(change.newSecrets().get(d.name())), actor, now);
                } else if (change.clearedSecrets().contains(d.name())) {
                    settings.delete(pluginId, d.name());
                }
                continue;
            }
            String value = change.values().getOrDefault(d.name(), "").strip();
            if (value.isEmpty()) {
                settings.delete(pluginId, d.name());
            } else if (!value.equals(form.values().get(d.name()))) {
                settings.saveText(pluginId, d.name(), value, actor, now);
            }
        }
        contexts.evict(pluginId);
        return changed;
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "(unset)";
        }
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }
}

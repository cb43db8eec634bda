package ru.rusoragentai.console.plugins;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ru.rusoragentai.console.i18n.Text;
import ru.rusoragentai.spi.SettingDescriptor;

/** Checks a settings change against the plugin's descriptors before anything is stored. */
final class SettingsValidator {

    private SettingsValidator() {
    }

    /** Every problem, one text each; empty when the change may be saved. */
    static List<Text> problems(List<SettingDescriptor> descriptors, SettingsChange change, Set<String> storedSecrets) {
        List<Text> problems = new ArrayList<>();
        Set<String> known = new java.util.HashSet<>();
        for (SettingDescriptor d : descriptors) {
            known.add(d.name());
            if (d.secret()) {
                boolean willBeSet = change.newSecrets().containsKey(d.name())
                        || (storedSecrets.contains(d.name()) && !change.clearedSecrets().contains(d.name()));
                if (d.required() && !willBeSet) {
                    problems.add(new Text("plugins.settings.error.required", d.label()));
                }
                continue;
            }
            String value = change.values().getOrDefault(d.name(), "").strip();
            if (value.isEmpty()) {
                if (d.required() && d.defaultValue() == null) {
                    problems.add(new Text("plugins.settings.error.required", d.label()));
                }
                continue;
            }
            Text problem = switch (d.type()) {
                case URL -> validUrl(value) ? null : new Text("plugins.settings.error.url", d.label());
                case INTEGER -> value.matches("-?\\d{1,18}") ? null : new Text("plugins.settings.error.integer", d.label());
                case BOOLEAN -> value.equals("true") || value.equals("false") ? null : new Text("plugins.settings.error.boolean", d.label());
                default -> value.length() > 60_000 ? new Text("plugins.settings.error.long", d.label()) : null;
            };
            if (problem != null) {
                problems.add(problem);
            }
        }
        for (Map<String, ?> map : List.of(change.values(), change.newSecrets())) {
            map.keySet().stream().filter(k -> !known.contains(k)).forEach(k -> problems.add(new Text("plugins.settings.error.unknown", k)));
        }
        return problems;
    }

    private static boolean validUrl(String value) {
        try {
            URI uri = URI.create(value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

package ru.rusoragentai.console.plugins;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ru.rusoragentai.spi.SettingDescriptor;

/** Checks a settings change against the plugin's descriptors before anything is stored. */
final class SettingsValidator {

    private SettingsValidator() {
    }

    /** Every problem, one line each; empty when the change may be saved. */
    static List<String> problems(List<SettingDescriptor> descriptors, SettingsChange change, Set<String> storedSecrets) {
        List<String> problems = new ArrayList<>();
        Set<String> known = new java.util.HashSet<>();
        for (SettingDescriptor d : descriptors) {
            known.add(d.name());
            if (d.secret()) {
                boolean willBeSet = change.newSecrets().containsKey(d.name())
                        || (storedSecrets.contains(d.name()) && !change.clearedSecrets().contains(d.name()));
                if (d.required() && !willBeSet) {
                    problems.add(d.label() + " is required.");
                }
                continue;
            }
            String value = change.values().getOrDefault(d.name(), "").strip();
            if (value.isEmpty()) {
                if (d.required() && d.defaultValue() == null) {
                    problems.add(d.label() + " is required.");
                }
                continue;
            }
            String problem = switch (d.type()) {
                case URL -> validUrl(value) ? null : d.label() + " must be an http or https URL.";
                case INTEGER -> value.matches("-?\\d{1,18}") ? null : d.label() + " must be a whole number.";
                case BOOLEAN -> value.equals("true") || value.equals("false") ? null : d.label() + " must be true or false.";
                default -> value.length() > 60_000 ? d.label() + " is too long." : null;
            };
            if (problem != null) {
                problems.add(problem);
            }
        }
        for (Map<String, ?> map : List.of(change.values(), change.newSecrets())) {
            map.keySet().stream().filter(k -> !known.contains(k)).forEach(k -> problems.add("Unknown setting " + k + "."));
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

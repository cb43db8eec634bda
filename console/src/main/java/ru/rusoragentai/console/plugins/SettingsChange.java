package ru.rusoragentai.console.plugins;

import java.util.Map;
import java.util.Set;

/**
 * An operator's edit of a plugin's settings.
 *
 * @param values         new values of non-secret settings (blank clears)
 * @param newSecrets     secrets typed in this time; absent ones keep their stored value
 * @param clearedSecrets secrets to remove
 */
public record SettingsChange(Map<String, String> values, Map<String, String> newSecrets, Set<String> clearedSecrets) {

    public SettingsChange {
        values = Map.copyOf(values);
        newSecrets = Map.copyOf(newSecrets);
        clearedSecrets = Set.copyOf(clearedSecrets);
    }
}

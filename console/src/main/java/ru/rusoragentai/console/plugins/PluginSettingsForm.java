package ru.rusoragentai.console.plugins;

import java.util.List;
import java.util.Map;
import java.util.Set;
import ru.rusoragentai.spi.SettingDescriptor;

/**
 * What the settings form shows: the descriptors, the current non-secret values, and which secrets are set
 * (never their values).
 */
public record PluginSettingsForm(String pluginId, List<SettingDescriptor> descriptors, Map<String, String> values,
                                 Set<String> secretsSet) {
}

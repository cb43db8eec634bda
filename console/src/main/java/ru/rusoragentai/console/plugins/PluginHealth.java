package ru.rusoragentai.console.plugins;

import java.time.LocalDateTime;

/**
 * A plugin's last health answer, from the scheduled check or an operator's Test connection.
 *
 * @param message what the plugin said (never a secret), or why it could not be asked
 */
public record PluginHealth(String pluginId, boolean healthy, String message, LocalDateTime checkedAt) {
}

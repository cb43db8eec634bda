package ru.rusoragentai.console.plugins;

import java.time.LocalDateTime;
import ru.rusoragentai.console.i18n.Text;
import ru.rusoragentai.console.i18n.Texts;

/**
 * A plugin's last health answer, from the scheduled check or an operator's Test connection.
 *
 * @param said what the plugin said (never a secret), or why it could not be asked, in any reader's language
 */
public record PluginHealth(String pluginId, boolean healthy, Text said, LocalDateTime checkedAt) {

    /** The answer in English, for the audit trail and logs. */
    public String message() {
        return Texts.english(said.key(), said.arguments());
    }
}

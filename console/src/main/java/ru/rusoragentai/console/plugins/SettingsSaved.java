package ru.rusoragentai.console.plugins;

/**
 * What saving a plugin's settings did.
 *
 * @param pendingChangeId null when the settings took effect at once; otherwise the change that now waits for a
 *                        second administrator (payment channels)
 */
public record SettingsSaved(Long pendingChangeId) {

    public boolean pending() {
        return pendingChangeId != null;
    }
}

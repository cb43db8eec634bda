package ru.rusoragentai.console.plugins;

import java.time.LocalDateTime;

/** A payment channel's settings change waiting for a second administrator; the summary never shows a secret. */
public record PendingSettingsChange(long id, String pluginId, String summary, String requestedBy, LocalDateTime requestedAt) {
}

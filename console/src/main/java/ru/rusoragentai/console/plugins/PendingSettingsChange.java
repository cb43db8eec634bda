package ru.rusoragentai.console.plugins;

import org.jspecify.annotations.Nullable;
import java.time.LocalDateTime;

/** A payment channel's settings change waiting for a second administrator; the summary never shows a secret. */
public record PendingSettingsChange(long id, String pluginId, @Nullable String summary, String requestedBy, LocalDateTime requestedAt) {
}

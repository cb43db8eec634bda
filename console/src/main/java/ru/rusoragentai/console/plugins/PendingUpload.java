package ru.rusoragentai.console.plugins;

import org.jspecify.annotations.Nullable;
import java.time.LocalDateTime;

/**
 * An uploaded plugin jar set aside until an administrator other than the uploader approves its SHA-256.
 *
 * @param signer the subject of the jar's (untrusted) signature, or null when it is not signed
 * @param status pending, approved or rejected
 */
public record PendingUpload(long id, String pluginId, String version, String fileName, String sha256, @Nullable String signer,
                            String status, String uploadedBy, LocalDateTime uploadedAt) {
}

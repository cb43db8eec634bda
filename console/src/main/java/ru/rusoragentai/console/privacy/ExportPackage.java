package ru.rusoragentai.console.privacy;

import org.jspecify.annotations.Nullable;
import java.time.LocalDateTime;

/** A built access or portability package: an encrypted zip on disk, readable until it expires. */
public record ExportPackage(long id, String fileName, String storagePath, String sha256, long sizeBytes, LocalDateTime createdAt,
                            @Nullable LocalDateTime expiresAt) {
}

package ru.rusoragentai.console.abuse;

import org.jspecify.annotations.Nullable;
import java.time.LocalDateTime;

/** One blocklist entry as staff see it; {@code text} is null once the user it came from was erased. */
public record BlockEntry(long id, String kind, @Nullable String text, LocalDateTime createdAt, @Nullable LocalDateTime expiresAt, @Nullable LocalDateTime removedAt) {
}

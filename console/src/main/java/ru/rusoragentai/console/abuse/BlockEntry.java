package ru.rusoragentai.console.abuse;

import java.time.LocalDateTime;

/** One blocklist entry as staff see it; {@code text} is null once the user it came from was erased. */
public record BlockEntry(long id, String kind, String text, LocalDateTime createdAt, LocalDateTime expiresAt, LocalDateTime removedAt) {
}

package ru.rusoragentai.console.users;

import org.jspecify.annotations.Nullable;
import java.time.LocalDateTime;

/** Everything the user page header and profile section show. */
public record UserProfile(long id, @Nullable String username, @Nullable String displayName, @Nullable String email, long telegramUserId, String status,
                          LocalDateTime createdAt, LocalDateTime lastSeenAt, String locale, @Nullable Integer conversationRetentionDays,
                          @Nullable Short birthYear, boolean possibleMinor, boolean processingRestricted, boolean processingObjected,
                          int version, long balance) {
}

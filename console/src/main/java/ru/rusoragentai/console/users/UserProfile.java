package ru.rusoragentai.console.users;

import java.time.LocalDateTime;

/** Everything the user page header and profile section show. */
public record UserProfile(long id, String username, String displayName, String email, long telegramUserId, String status,
                          LocalDateTime createdAt, LocalDateTime lastSeenAt, String locale, Integer conversationRetentionDays,
                          Short birthYear, boolean possibleMinor, boolean processingRestricted, boolean processingObjected,
                          int version, long balance) {
}

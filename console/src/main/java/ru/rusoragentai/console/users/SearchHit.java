package ru.rusoragentai.console.users;

import org.jspecify.annotations.Nullable;

/** One user found by a search, with the reason it matched. */
public record SearchHit(long userId, @Nullable String username, @Nullable String displayName, @Nullable String email, long telegramUserId,
                        String status, MatchKind matchedBy) {
}

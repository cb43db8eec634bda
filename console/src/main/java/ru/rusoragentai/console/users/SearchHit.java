package ru.rusoragentai.console.users;

/** One user found by a search, with the reason it matched. */
public record SearchHit(long userId, String username, String displayName, String email, long telegramUserId,
                        String status, MatchKind matchedBy) {
}

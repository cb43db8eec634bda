package ru.rusoragentai.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * The person a privacy request is about, by every identifier a remote system might know them by.
 *
 * @param userId         our user id
 * @param telegramUserId their Telegram id
 * @param email          their email, when known
 * @param username       their Telegram username, when known
 */
public record DataSubject(long userId, long telegramUserId, Optional<String> email, Optional<String> username) {

    /** @throws NullPointerException when {@code email} or {@code username} is null (use {@link Optional#empty()}) */
    public DataSubject {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(username, "username");
    }
}

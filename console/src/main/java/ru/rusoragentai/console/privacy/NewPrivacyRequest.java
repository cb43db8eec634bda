package ru.rusoragentai.console.privacy;

import org.jspecify.annotations.Nullable;
import java.time.LocalDate;

/**
 * Intake of a request.
 *
 * @param identifier what the requester gave: user id, Telegram id, @username or email
 * @param channel    email, telegram or in_app
 * @param received   the day it was received (UTC); deadlines count from it
 * @param note       free text, e.g. what exactly was asked; may be blank
 */
public record NewPrivacyRequest(@Nullable String identifier, @Nullable RequestType type, @Nullable String channel, @Nullable Jurisdiction jurisdiction,
                                @Nullable LocalDate received, @Nullable String note) {
}

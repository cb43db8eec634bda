package ru.rusoragentai.console.privacy;

import java.time.LocalDate;

/**
 * Intake of a request.
 *
 * @param identifier what the requester gave: user id, Telegram id, @username or email
 * @param channel    email, telegram or in_app
 * @param received   the day it was received (UTC); deadlines count from it
 * @param note       free text, e.g. what exactly was asked; may be blank
 */
public record NewPrivacyRequest(String identifier, RequestType type, String channel, Jurisdiction jurisdiction,
                                LocalDate received, String note) {
}

package ru.rusoragentai.console.payments;

import java.time.LocalDateTime;

/** One webhook delivery as the inbox screen lists it. */
public record InboxEntry(long id, String channelId, LocalDateTime receivedAt, InboxStatus status, String outcome,
                         String eventKind, String externalId, Long telegramUserId, Long userId, Long tokens,
                         String replayedBy, String body) {
}

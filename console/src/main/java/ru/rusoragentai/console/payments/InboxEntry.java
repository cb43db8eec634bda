package ru.rusoragentai.console.payments;

import java.time.LocalDateTime;
import ru.rusoragentai.console.i18n.Text;

/** One webhook delivery as the inbox screen lists it. */
public record InboxEntry(long id, String channelId, LocalDateTime receivedAt, InboxStatus status, String outcome, Text outcomeText,
                         String eventKind, String externalId, Long telegramUserId, Long userId, Long tokens,
                         String replayedBy, String body) {
}

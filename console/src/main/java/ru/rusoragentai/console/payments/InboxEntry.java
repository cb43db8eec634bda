package ru.rusoragentai.console.payments;

import org.jspecify.annotations.Nullable;
import java.time.LocalDateTime;
import ru.rusoragentai.console.i18n.Text;

/** One webhook delivery as the inbox screen lists it. */
public record InboxEntry(long id, String channelId, LocalDateTime receivedAt, InboxStatus status, @Nullable String outcome, @Nullable Text outcomeText,
                         @Nullable String eventKind, String externalId, @Nullable Long telegramUserId, @Nullable Long userId, @Nullable Long tokens,
                         String replayedBy, String body) {
}

package ru.rusoragentai.console.tokens;

import org.jspecify.annotations.Nullable;
import java.time.LocalDateTime;

/**
 * A ledger row. {@code replayed} is true when the request's idempotency key had already been
 * applied and this is the original entry, returned unchanged.
 */
public record LedgerEntry(long id, long userId, long delta, long balanceAfter, LedgerKind kind, @Nullable String reference,
                          String actor, @Nullable String reason, String idempotencyKey, LocalDateTime createdAt, boolean replayed) {

    LedgerEntry asReplay() {
        return new LedgerEntry(id, userId, delta, balanceAfter, kind, reference, actor, reason, idempotencyKey, createdAt, true);
    }
}

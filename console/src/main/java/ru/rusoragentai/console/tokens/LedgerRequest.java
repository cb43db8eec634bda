package ru.rusoragentai.console.tokens;

import org.jspecify.annotations.Nullable;
import java.util.Objects;

/**
 * One requested balance change.
 *
 * @param userId         the user whose balance changes
 * @param delta          tokens added (positive) or removed (negative); never zero
 * @param kind           why
 * @param reference      what it refers to (payment external id, ticket, request id); may be null
 * @param reason         free text shown to staff; may be null
 * @param idempotencyKey unique per intended change: a second request with the same key returns the first entry
 * @param allowNegative  whether this change may take the balance below zero
 */
public record LedgerRequest(long userId, long delta, LedgerKind kind, @Nullable String reference, @Nullable String reason,
                            String idempotencyKey, boolean allowNegative) {

    public LedgerRequest {
        Objects.requireNonNull(kind, "kind");
        if (delta == 0) {
            throw new IllegalArgumentException("delta must not be zero");
        }
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 128) {
            throw new IllegalArgumentException("idempotencyKey must be 1..128 characters");
        }
    }
}

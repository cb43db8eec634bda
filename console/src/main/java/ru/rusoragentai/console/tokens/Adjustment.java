package ru.rusoragentai.console.tokens;

import org.jspecify.annotations.Nullable;
import java.time.LocalDateTime;

/** A manual balance change: applied at once, or pending a second staff member's approval, or rejected. */
public record Adjustment(long id, long userId, long delta, @Nullable ReasonCode reason, @Nullable String comment, String ticket,
                         boolean allowNegative, Status status, String requestedBy, LocalDateTime requestedAt,
                         @Nullable String decidedBy, LocalDateTime decidedAt, String decisionNote, Long ledgerEntryId, int version) {

    public enum Status { PENDING, APPLIED, REJECTED }
}

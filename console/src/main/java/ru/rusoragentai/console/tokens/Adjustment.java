package ru.rusoragentai.console.tokens;

import java.time.LocalDateTime;

/** A manual balance change: applied at once, or pending a second staff member's approval, or rejected. */
public record Adjustment(long id, long userId, long delta, ReasonCode reason, String comment, String ticket,
                         boolean allowNegative, Status status, String requestedBy, LocalDateTime requestedAt,
                         String decidedBy, LocalDateTime decidedAt, String decisionNote, Long ledgerEntryId, int version) {

    public enum Status { PENDING, APPLIED, REJECTED }
}

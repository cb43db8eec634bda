package ru.rusoragentai.console.abuse;

import org.jspecify.annotations.Nullable;
import java.time.LocalDateTime;

/**
 * A measure taken (or waiting for a second administrator, when it is about a whole case).
 *
 * @param status pending, applied, rejected or reverted
 * @param amount the cap (tokens per day) or the tokens frozen; null otherwise
 * @param until  when a ban's blocklist entries expire; null for none
 */
public record ActionSummary(long id, @Nullable Long userId, @Nullable Long caseId, Long flagId, ActionKind kind, @Nullable Long amount, LocalDateTime until,
                            @Nullable String reason, String status, String requestedBy, LocalDateTime requestedAt, @Nullable String decidedBy,
                            LocalDateTime decidedAt, String revertedBy, LocalDateTime revertedAt) {

    public boolean inForce() {
        return "applied".equals(status);
    }
}

package ru.rusoragentai.console.abuse;

import org.jspecify.annotations.Nullable;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * A flag as the queue shows it.
 *
 * @param userId       the user it is about, or null for a staff member ({@code staffSubject})
 * @param score        the user's current risk score (0 without one)
 * @param evidence     what the detector saw, by key (see the translations under {@code abuse.evidence.})
 */
public record FlagSummary(long id, @Nullable String rule, @Nullable Severity severity, FlagStatus status, @Nullable Long userId, String staffSubject,
                          @Nullable String displayName, @Nullable String username, int score, @Nullable String assignee, @Nullable Long caseId,
                          LocalDateTime createdAt, LocalDateTime updatedAt, int hits, Map<String, Object> evidence,
                          @Nullable String resolvedBy, LocalDateTime resolvedAt, int version) {
}

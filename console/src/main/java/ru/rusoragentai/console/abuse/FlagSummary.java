package ru.rusoragentai.console.abuse;

import java.time.LocalDateTime;
import java.util.Map;

/**
 * A flag as the queue shows it.
 *
 * @param userId       the user it is about, or null for a staff member ({@code staffSubject})
 * @param score        the user's current risk score (0 without one)
 * @param evidence     what the detector saw, by key (see the translations under {@code abuse.evidence.})
 */
public record FlagSummary(long id, String rule, Severity severity, FlagStatus status, Long userId, String staffSubject,
                          String displayName, String username, int score, String assignee, Long caseId,
                          LocalDateTime createdAt, LocalDateTime updatedAt, int hits, Map<String, Object> evidence,
                          String resolvedBy, LocalDateTime resolvedAt, int version) {
}

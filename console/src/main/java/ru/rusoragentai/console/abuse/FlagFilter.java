package ru.rusoragentai.console.abuse;

import java.time.LocalDateTime;
import java.util.Set;

/**
 * What the queue shows; every part may be null (or empty) for "any".
 *
 * @param assignee      a staff member's name, {@link #UNASSIGNED} for flags nobody took, or null for any
 * @param createdAfter  flags raised since (the age filter)
 */
public record FlagFilter(String rule, Severity severity, Set<FlagStatus> statuses, Integer minScore, LocalDateTime createdAfter,
                         String assignee, Long userId, Long caseId) {

    public static final String UNASSIGNED = "";

    public static FlagFilter open() {
        return new FlagFilter(null, null, Set.of(FlagStatus.NEW, FlagStatus.IN_REVIEW), null, null, null, null, null);
    }

    public static FlagFilter ofUser(long userId) {
        return new FlagFilter(null, null, Set.of(), null, null, null, userId, null);
    }

    public static FlagFilter ofCase(long caseId) {
        return new FlagFilter(null, null, Set.of(), null, null, null, null, caseId);
    }
}

package ru.rusoragentai.console.abuse;

import org.jspecify.annotations.Nullable;
import java.time.LocalDateTime;
import java.util.Set;

/**
 * What the queue shows; every part may be null (or empty) for "any".
 *
 * @param assignee      a staff member's name, {@link #UNASSIGNED} for flags nobody took, or null for any
 * @param createdAfter  flags raised since (the age filter)
 */
public record FlagFilter(@Nullable String rule, @Nullable Severity severity, @Nullable Set<FlagStatus> statuses, @Nullable Integer minScore, @Nullable LocalDateTime createdAfter,
                         @Nullable String assignee, @Nullable Long userId, @Nullable Long caseId) {

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

package ru.rusoragentai.console.abuse;

import org.jspecify.annotations.Nullable;
import java.time.LocalDateTime;

/** A rule snoozed for one user until a date. */
public record RuleSnooze(@Nullable String rule, LocalDateTime until, String createdBy) {
}

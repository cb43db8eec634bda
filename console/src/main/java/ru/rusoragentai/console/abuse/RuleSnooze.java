package ru.rusoragentai.console.abuse;

import java.time.LocalDateTime;

/** A rule snoozed for one user until a date. */
public record RuleSnooze(String rule, LocalDateTime until, String createdBy) {
}

package ru.rusoragentai.console.analytics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** How a report's days are grouped: per UTC day, ISO week (from Monday) or calendar month. */
public enum Grouping {
    DAY, WEEK, MONTH;

    /** The first day of the period {@code day} falls in. */
    public LocalDate start(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }
}

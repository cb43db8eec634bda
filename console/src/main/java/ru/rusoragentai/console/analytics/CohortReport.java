package ru.rusoragentai.console.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Cohorts of users by sign-up week or month: how many of each were active in each later period and what they paid,
 * and per period the active and paying users with ARPU and ARPPU.
 *
 * @param periods the periods of the range, oldest first; offset 0 of a cohort is its own sign-up period
 */
public record CohortReport(Grouping grouping, List<LocalDate> periods, List<Cohort> cohorts, List<PeriodFigures> periodRows,
                           List<PeriodFigures> periodTotals) {

    /**
     * The users who signed up in one period.
     *
     * @param active  per offset from the sign-up period, how many of them were active then (as far as the range goes)
     * @param revenue per currency, the net revenue (minor units) they brought in each offset
     */
    public record Cohort(LocalDate period, long users, List<Long> active, Map<String, List<Long>> revenue) {

        /** The share of the cohort active at an offset, or null where the range ends before it or the cohort is empty. */
        public @Nullable Double activeShare(int offset) {
            return offset >= active.size() || users == 0 ? null : active.get(offset) / (double) users;
        }
    }

    /**
     * One period (or the whole range on a totals row, {@code period} null) in one currency: active users (any usage),
     * paying users (a purchase in any currency) and net revenue in the currency; {@code currency} is null when the range
     * has no payments.
     */
    public record PeriodFigures(@Nullable LocalDate period, @Nullable String currency, long activeUsers, long payingUsers,
                                long netMinor) {

        /** Average revenue per active user, in major units, or null without active users. */
        public @Nullable BigDecimal arpu() {
            return activeUsers == 0 ? null : BigDecimal.valueOf(netMinor).divide(BigDecimal.valueOf(activeUsers * 100), 2, RoundingMode.HALF_UP);
        }

        /** Average revenue per paying user, in major units, or null without paying users. */
        public @Nullable BigDecimal arppu() {
            return payingUsers == 0 ? null : BigDecimal.valueOf(netMinor).divide(BigDecimal.valueOf(payingUsers * 100), 2, RoundingMode.HALF_UP);
        }
    }
}

package ru.rusoragentai.console.privacy;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * When a data-subject request must be answered.
 *
 * <ul>
 *   <li>GDPR: the earlier of received + 30 days (the privacy policy's promise) and received + one calendar month
 *       (Art. 12(3)); a month from the 31st ends on the last day of a shorter month ({@link LocalDate#plusMonths}).
 *       Extensions: up to two further months in all, counted from the original due date.</li>
 *   <li>CCPA: acknowledge within 10 business days (Monday to Friday; public holidays are not subtracted, which
 *       only makes the date earlier than the law's), answer within 45 calendar days; one extension of 45 days.</li>
 *   <li>Other: the policy's 30 days; extensions as GDPR.</li>
 * </ul>
 * Dates are UTC calendar days; a request is due at the end of its due day.
 */
public final class Deadlines {

    public static final int POLICY_DAYS = 30;
    public static final int CCPA_ANSWER_DAYS = 45;
    public static final int CCPA_ACKNOWLEDGE_BUSINESS_DAYS = 10;
    public static final int CCPA_EXTENSION_DAYS = 45;
    public static final int GDPR_MAX_EXTENSION_MONTHS = 2;

    private Deadlines() {
    }

    /** The answer is due on this day. */
    public static LocalDate due(Jurisdiction jurisdiction, LocalDate received) {
        return switch (jurisdiction) {
            case GDPR -> earlier(received.plusDays(POLICY_DAYS), received.plusMonths(1));
            case CCPA -> received.plusDays(CCPA_ANSWER_DAYS);
            case OTHER -> received.plusDays(POLICY_DAYS);
        };
    }

    /** The receipt must be acknowledged by this day; only CCPA sets one. */
    public static LocalDate acknowledgeBy(Jurisdiction jurisdiction, LocalDate received) {
        return jurisdiction == Jurisdiction.CCPA ? plusBusinessDays(received, CCPA_ACKNOWLEDGE_BUSINESS_DAYS) : null;
    }

    /**
     * The due day after an extension.
     *
     * @param originalDue       the due day without any extension
     * @param alreadyExtendedBy months (GDPR, other) or days (CCPA) already granted
     * @param extendBy          months (GDPR, other: 1 or 2 in all) or days (CCPA: 45, once)
     * @throws IllegalArgumentException when the law allows no such extension
     */
    public static LocalDate extended(Jurisdiction jurisdiction, LocalDate originalDue, int alreadyExtendedBy, int extendBy) {
        if (extendBy <= 0) {
            throw new IllegalArgumentException("An extension must be positive.");
        }
        int total = alreadyExtendedBy + extendBy;
        if (jurisdiction == Jurisdiction.CCPA) {
            if (total > CCPA_EXTENSION_DAYS) {
                throw new IllegalArgumentException("CCPA allows one extension of at most 45 days.");
            }
            return originalDue.plusDays(total);
        }
        if (total > GDPR_MAX_EXTENSION_MONTHS) {
            throw new IllegalArgumentException("GDPR allows at most two further months.");
        }
        return originalDue.plusMonths(total);
    }

    /** Whole days from today to the due day: 0 on the due day, negative once overdue. */
    public static long daysLeft(LocalDate due, LocalDate today) {
        return today.until(due, java.time.temporal.ChronoUnit.DAYS);
    }

    static LocalDate plusBusinessDays(LocalDate start, int days) {
        LocalDate date = start;
        int added = 0;
        while (added < days) {
            date = date.plusDays(1);
            if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
                added++;
            }
        }
        return date;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}

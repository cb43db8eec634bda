package ru.rusoragentai.console.analytics;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The token economy in one period: tokens issued (bought, bonuses, staff credits) against tokens consumed by usage,
 * expired, and taken back (staff debits, refunds, chargebacks), and what users held unspent at the end of it, which
 * is the platform's liability.
 *
 * @param period the first day of the period; null on the totals row
 */
public record TokenFigures(@Nullable LocalDate period, long purchased, long bonuses, long credited, long consumed,
                           long expired, long takenBack, long outstandingAtEnd) {

    public long issued() {
        return purchased + bonuses + credited;
    }

    /** Issued less consumed, expired and taken back: how much the outstanding balance grew. */
    public long net() {
        return issued() - consumed - expired - takenBack;
    }
}

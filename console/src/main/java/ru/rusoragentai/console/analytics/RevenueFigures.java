package ru.rusoragentai.console.analytics;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Payments in one period, channel or token pack (or all when {@code key} is null), and currency: purchases (first
 * and repeat), gross, refunds and chargebacks and what is left, in minor units of the currency, and tokens sold.
 *
 * @param period the first day of the period; null on a totals row
 */
public record RevenueFigures(@Nullable LocalDate period, @Nullable String key, String currency, long purchases,
                             long firstPurchases, long grossMinor, long tokensSold, long refunds, long refundedMinor,
                             long chargebacks, long chargedBackMinor) {

    public long repeatPurchases() {
        return purchases - firstPurchases;
    }

    /** Gross less refunds and chargebacks. */
    public long netMinor() {
        return grossMinor - refundedMinor - chargedBackMinor;
    }

    RevenueFigures plus(MoneyReportRepository.RevenueRow row) {
        return new RevenueFigures(period, key, currency, purchases + row.purchases(), firstPurchases + row.firstPurchases(),
                grossMinor + row.grossMinor(), tokensSold + row.tokensSold(), refunds + row.refunds(),
                refundedMinor + row.refundedMinor(), chargebacks + row.chargebacks(), chargedBackMinor + row.chargedBackMinor());
    }

    static RevenueFigures empty(@Nullable LocalDate period, @Nullable String key, String currency) {
        return new RevenueFigures(period, key, currency, 0, 0, 0, 0, 0, 0, 0, 0);
    }
}

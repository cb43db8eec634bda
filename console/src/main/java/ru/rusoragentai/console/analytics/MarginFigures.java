package ru.rusoragentai.console.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What users were charged against what the providers cost, in one period for one provider or model (or all when
 * {@code key} is null), in USD: platform tokens charged valued at the configured price, against the provider's cost
 * (its reconciled cost where it reports one, the list price otherwise).
 *
 * @param period          the first day of the period; null on the totals row
 * @param reconciledCost  the part of {@code cost} that came from the providers' own reports
 * @param unpricedTokens  provider tokens of models with neither a reconciled cost nor a list price: left out of the cost
 */
public record MarginFigures(@Nullable LocalDate period, @Nullable String key, long inputTokens, long outputTokens,
                            long tokensCharged, BigDecimal revenue, BigDecimal cost, BigDecimal reconciledCost,
                            long unpricedTokens) {

    public BigDecimal margin() {
        return revenue.subtract(cost);
    }

    /** Margin as a share of revenue (0.25 is 25 %), or null without revenue. */
    public @Nullable Double marginShare() {
        return revenue.signum() == 0 ? null : margin().divide(revenue, 6, RoundingMode.HALF_UP).doubleValue();
    }

    /** The share of the cost that the providers reported themselves, or null without cost. */
    public @Nullable Double reconciledShare() {
        return cost.signum() == 0 ? null : reconciledCost.divide(cost, 6, RoundingMode.HALF_UP).doubleValue();
    }

    /** This and {@code other} added up, under this one's period and key. */
    public MarginFigures plus(MarginFigures other) {
        return new MarginFigures(period, key, inputTokens + other.inputTokens, outputTokens + other.outputTokens,
                tokensCharged + other.tokensCharged, revenue.add(other.revenue), cost.add(other.cost),
                reconciledCost.add(other.reconciledCost), unpricedTokens + other.unpricedTokens);
    }

    static MarginFigures empty(@Nullable LocalDate period, @Nullable String key) {
        return new MarginFigures(period, key, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0);
    }
}

package ru.rusoragentai.console.reconciliation;

import org.jspecify.annotations.Nullable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * The provider's figures against ours for one provider, day and model. Provider figures are null when the
 * provider offers no report (the note says why).
 */
public record ReconciliationRow(@Nullable String provider, LocalDate day, String model, @Nullable Long providerInput, Long providerOutput,
                                BigDecimal providerCost, long ourInput, long ourOutput, BigDecimal ourCost, @Nullable String note,
                                LocalDateTime checkedAt) {

    /** Provider tokens minus ours (input + output), or null without a provider report. */
    public Long tokenDifference() {
        return providerInput == null ? null : providerInput + providerOutput - ourInput - ourOutput;
    }

    /** The token difference relative to ours, in percent; null without a report or when we recorded nothing. */
    public @Nullable BigDecimal differencePercent() {
        Long diff = tokenDifference();
        long ours = ourInput + ourOutput;
        if (diff == null) {
            return null;
        }
        if (ours == 0) {
            return diff == 0 ? BigDecimal.ZERO : null;
        }
        return BigDecimal.valueOf(diff * 100.0 / ours).setScale(1, java.math.RoundingMode.HALF_UP);
    }
}

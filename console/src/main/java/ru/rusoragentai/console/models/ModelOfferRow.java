package ru.rusoragentai.console.models;

import org.jspecify.annotations.Nullable;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * A model an enabled provider offers, with the vendor's price, ours, and the margin ours implies.
 *
 * @param tokensPerMillionInput  platform tokens charged per million input tokens, or null when not priced yet
 * @param inputMarginPercent     (revenue - vendor cost) / revenue for input, or null when either price is unknown
 * @param fetchedAt              when the provider last listed the model, if it could not be asked now; null when live
 * @param listed                 false for a model the platform prices that no provider lists (now or last time)
 */
public record ModelOfferRow(@Nullable String provider, String pluginId, String model, @Nullable String displayName, @Nullable Integer contextWindow,
                            BigDecimal vendorUsdPerMillionInput, BigDecimal vendorUsdPerMillionOutput,
                            @Nullable Long tokensPerMillionInput, Long tokensPerMillionOutput,
                            @Nullable BigDecimal inputMarginPercent, @Nullable BigDecimal outputMarginPercent, @Nullable LocalDateTime fetchedAt,
                            boolean listed) {
}

package ru.rusoragentai.console.models;

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
public record ModelOfferRow(String provider, String pluginId, String model, String displayName, Integer contextWindow,
                            BigDecimal vendorUsdPerMillionInput, BigDecimal vendorUsdPerMillionOutput,
                            Long tokensPerMillionInput, Long tokensPerMillionOutput,
                            BigDecimal inputMarginPercent, BigDecimal outputMarginPercent, LocalDateTime fetchedAt,
                            boolean listed) {
}

package ru.rusoragentai.console.models;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What one million platform tokens earn, in USD, for the margin shown next to each price. The default matches
 * the 2M-token pack sold for USD 59.99.
 */
@ConfigurationProperties("console.pricing")
public record PricingProperties(@DefaultValue("30.00") BigDecimal usdPerMillionPlatformTokens) {
}

package ru.rusoragentai.console.tokens;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Adjustments whose absolute size exceeds {@code approvalThreshold} tokens wait for an ADMIN's approval. */
@ConfigurationProperties("console.adjustments")
public record AdjustmentProperties(@DefaultValue("10000") long approvalThreshold) {
}

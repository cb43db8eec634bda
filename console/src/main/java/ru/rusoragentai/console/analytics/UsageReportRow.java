package ru.rusoragentai.console.analytics;

import org.jspecify.annotations.Nullable;
import java.time.LocalDate;

/** Usage of one model on one UTC day, over the users whose data may be analysed. */
public record UsageReportRow(LocalDate day, @Nullable String provider, String model, long users, long events, long inputTokens,
                             long outputTokens, long tokensCharged) {
}

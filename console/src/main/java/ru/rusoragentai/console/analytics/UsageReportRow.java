package ru.rusoragentai.console.analytics;

import java.time.LocalDate;

/** Usage of one model on one UTC day, over the users whose data may be analysed. */
public record UsageReportRow(LocalDate day, String provider, String model, long users, long events, long inputTokens,
                             long outputTokens, long tokensCharged) {
}

package ru.rusoragentai.console.analytics;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Usage in one period (and one value of the breakdown, or {@code key} null for all): requests, distinct active users,
 * tokens, failed requests and latency percentiles (from a histogram, so within one bucket of the exact value).
 *
 * @param period the first day of the period; null on the totals row
 */
public record UsageFigures(@Nullable LocalDate period, @Nullable String key, long requests, long users, long inputTokens,
                           long outputTokens, long tokensCharged, long errors, int p50Millis, int p95Millis) {

    /** Failed requests (errors and rate limits) as a share of all, 0 when there were none. */
    public double errorRate() {
        return requests == 0 ? 0 : (double) errors / requests;
    }
}

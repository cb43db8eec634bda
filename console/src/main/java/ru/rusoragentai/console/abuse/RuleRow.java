package ru.rusoragentai.console.abuse;

import org.jspecify.annotations.Nullable;
import java.time.LocalDateTime;
import java.util.Map;
import ru.rusoragentai.console.abuse.detect.Rule;

/** A rule as stored: the detector's parameters, its mode, and how its last run went. */
public record RuleRow(String code, long threshold, int windowMinutes, boolean enabled, int weight, @Nullable Severity severity,
                      boolean shadow, long watermark, @Nullable LocalDateTime lastRunAt, @Nullable Long lastRunMs, @Nullable String lastError,
                      int version, Map<String, Long> params) {

    public Rule rule() {
        return new Rule(code, threshold, windowMinutes, params);
    }
}

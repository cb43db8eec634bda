package ru.rusoragentai.console.abuse.detect;

import java.time.Duration;
import java.util.Map;

/** A rule's parameters as a detector reads them. */
public record Rule(String code, long threshold, int windowMinutes, Map<String, Long> params) {

    public Duration window() {
        return Duration.ofMinutes(windowMinutes);
    }

    public long param(ParamSpec spec) {
        return params.getOrDefault(spec.name(), spec.defaultValue());
    }
}

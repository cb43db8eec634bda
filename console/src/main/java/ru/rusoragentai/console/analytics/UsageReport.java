package ru.rusoragentai.console.analytics;

import java.util.List;

/** A usage report as shown: its rows by period and breakdown, the totals over all of them, and the filter values. */
public record UsageReport(UsageQuery query, List<UsageFigures> rows, UsageFigures totals, Choices choices) {

    /** The values the filters offer for the range: what the roll-up holds. */
    public record Choices(List<String> providers, List<String> models, List<String> features, List<String> countries) {
    }
}

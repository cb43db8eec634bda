package ru.rusoragentai.console.analytics.downloads;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A report's filters saved under a name: which report, the last how many days it covers (a rolling range, so that a
 * scheduled build always reads the days before it), its grouping and split, its filters, and the language its file
 * is worded in.
 *
 * @param mine whether the signed-in analyst owns it (others' appear only when shared, and only their owner changes them)
 */
public record SavedReport(long id, String owner, String name, Kind kind, Params params, boolean shared, Schedule schedule,
                          @Nullable LocalDate lastBuilt, boolean mine) {

    /** The report screens a report can be saved from. */
    public enum Kind {
        USAGE, REVENUE, MARGIN, COHORTS, TOKENS
    }

    /** When a saved report is built into its owner's Downloads: never, every day, or every Monday (02:30 UTC). */
    public enum Schedule {
        NONE, DAILY, WEEKLY;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @param days     the length of the rolling range, ending today (UTC)
     * @param split    the breakdown, revenue split, margin split or cohort table, by its constant's name; null for none
     * @param filters  filter name (provider, model, feature, country, channel, product) to value
     * @param language the language tag the file's headers are worded in
     */
    public record Params(int days, String grouping, @Nullable String split, Map<String, String> filters, String language) {
    }
}

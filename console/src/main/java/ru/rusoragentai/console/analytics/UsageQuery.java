package ru.rusoragentai.console.analytics;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What an analyst asks of the usage report: UTC days from {@code from} until {@code until} (exclusive), grouped and
 * split, and narrowed to one provider, model, feature or country when those are set.
 */
public record UsageQuery(LocalDate from, LocalDate until, Grouping grouping, Breakdown breakdown, @Nullable String provider,
                         @Nullable String model, @Nullable String feature, @Nullable String country) {

    public static UsageQuery of(LocalDate from, LocalDate until) {
        return new UsageQuery(from, until, Grouping.DAY, Breakdown.NONE, null, null, null, null);
    }

    public UsageQuery grouped(Grouping value, Breakdown by) {
        return new UsageQuery(from, until, value, by, provider, model, feature, country);
    }

    public UsageQuery filtered(@Nullable String providerValue, @Nullable String modelValue, @Nullable String featureValue,
                               @Nullable String countryValue) {
        return new UsageQuery(from, until, grouping, breakdown, providerValue, modelValue, featureValue, countryValue);
    }

    /** The filters, for the audit trail and file names. */
    public String describe() {
        StringBuilder text = new StringBuilder(from + ".." + until + " by " + grouping.name().toLowerCase(java.util.Locale.ROOT));
        if (breakdown != Breakdown.NONE) {
            text.append(" and ").append(breakdown.name().toLowerCase(java.util.Locale.ROOT));
        }
        for (String[] filter : new String[][] {{"provider", provider}, {"model", model}, {"feature", feature}, {"country", country}}) {
            if (filter[1] != null) {
                text.append(", ").append(filter[0]).append('=').append(filter[1]);
            }
        }
        return text.toString();
    }
}

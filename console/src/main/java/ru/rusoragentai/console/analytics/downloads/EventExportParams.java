package ru.rusoragentai.console.analytics.downloads;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import ru.rusoragentai.console.analytics.UsageQuery;

/**
 * What an event-level export was asked for, as the job keeps it: the range and filters, and the column headers in
 * the requester's language (the job runs later, on another thread).
 */
record EventExportParams(String from, String until, @Nullable String provider, @Nullable String model, @Nullable String feature,
                         @Nullable String country, List<String> headers) {

    static EventExportParams of(UsageQuery query, List<String> headers) {
        return new EventExportParams(query.from().toString(), query.until().toString(), query.provider(), query.model(),
                query.feature(), query.country(), headers);
    }

    UsageQuery query() {
        return UsageQuery.of(LocalDate.parse(from), LocalDate.parse(until)).filtered(provider, model, feature, country);
    }
}

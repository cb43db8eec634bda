package ru.rusoragentai.plugins.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import ru.rusoragentai.spi.PluginContext;

/**
 * Reads a vendor report made of daily buckets, {@code {"data": [{<start>, "results": [...]}], "has_more", "next_page"}},
 * following {@code next_page} with a {@code page} query parameter: the shape of Anthropic's and OpenAI's usage and
 * cost reports.
 */
public final class DailyBuckets {

    /** Receives each result with the UTC day of its bucket. */
    public interface Sink {
        void accept(LocalDate day, Map<String, Object> result);
    }

    private DailyBuckets() {
    }

    /**
     * @param path     the report path with its query (at least one parameter already)
     * @param dayOf    reads a bucket's UTC day (vendors name and format the start differently)
     * @throws ru.rusoragentai.spi.PluginCallException when the vendor fails
     */
    public static void read(PluginContext context, String vendor, String path, Map<String, String> headers,
                            Function<Map<String, Object>, LocalDate> dayOf, Sink sink) {
        String page = null;
        do {
            Map<String, Object> body = VendorHttp.getJson(context, vendor,
                    path + (page == null ? "" : "&page=" + URLEncoder.encode(page, StandardCharsets.UTF_8)), headers);
            for (Map<String, Object> bucket : Json.objects(body, "data")) {
                LocalDate day = dayOf.apply(bucket);
                Json.objects(bucket, "results").forEach(result -> sink.accept(day, result));
            }
            page = Json.bool(body, "has_more") ? Json.text(body, "next_page").orElse(null) : null;
        } while (page != null);
    }
}

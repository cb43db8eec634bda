package ru.rusoragentai.plugins.openai;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;
import ru.rusoragentai.plugins.support.DailyBuckets;
import ru.rusoragentai.plugins.support.Dates;
import ru.rusoragentai.plugins.support.Json;
import ru.rusoragentai.plugins.support.PriceTable;
import ru.rusoragentai.plugins.support.UsageRows;
import ru.rusoragentai.plugins.support.VendorHttp;
import ru.rusoragentai.spi.AiProvider;
import ru.rusoragentai.spi.HealthResult;
import ru.rusoragentai.spi.ModelOffer;
import ru.rusoragentai.spi.PluginContext;
import ru.rusoragentai.spi.SettingDescriptor;
import ru.rusoragentai.spi.SettingType;
import ru.rusoragentai.spi.UsageReport;

/**
 * OpenAI: models from {@code GET /v1/models}; usage from {@code GET /v1/organization/usage/completions} and cost
 * from {@code GET /v1/organization/costs} (admin key, daily buckets, {@code has_more}/{@code next_page}).
 * Stateless and thread-safe.
 */
@Extension
public class OpenAiProvider implements AiProvider {

    static final String VENDOR = "OpenAI";
    private static final Map<String, PriceTable.Price> LIST_PRICES = Map.of(
            "gpt-5", PriceTable.price("1.25", "10"),
            "gpt-5-mini", PriceTable.price("0.25", "2"),
            "gpt-4.1", PriceTable.price("2", "8"),
            "gpt-4.1-mini", PriceTable.price("0.40", "1.60"),
            "gpt-4o", PriceTable.price("2.50", "10"),
            "gpt-4o-mini", PriceTable.price("0.15", "0.60"),
            "o3", PriceTable.price("2", "8"),
            "o4-mini", PriceTable.price("1.10", "4.40"));
    private static final List<SettingDescriptor> SETTINGS = List.of(
            SettingDescriptor.url("base-url", "API base URL").withDefault("https://api.openai.com")
                    .withHelp("Change only to route through a proxy or a test stub."),
            SettingDescriptor.secret("api-key", "API key").asRequired()
                    .withHelp("A project API key; used for the models list and the health check."),
            SettingDescriptor.secret("admin-key", "Admin key")
                    .withHelp("An organization admin key for the usage and costs reports; without it reconciliation uses our own figures only."),
            SettingDescriptor.of("prices", "Price overrides", SettingType.MULTILINE)
                    .withHelp("One 'model-prefix = input / output' per line, USD per million tokens."));

    @Override
    public String providerId() {
        return "openai";
    }

    @Override
    public String displayName() {
        return VENDOR;
    }

    @Override
    public List<SettingDescriptor> settings() {
        return SETTINGS;
    }

    @Override
    public HealthResult checkHealth(PluginContext context) {
        return VendorHttp.health(() -> models(context));
    }

    @Override
    public List<ModelOffer> models(PluginContext context) {
        Map<String, String> headers = bearer(context.settings().requireSecret("api-key").reveal());
        PriceTable prices = PriceTable.of(LIST_PRICES, context.settings().get("prices"));
        Map<String, Object> list = VendorHttp.getJson(context, VENDOR, "/v1/models", headers);
        List<ModelOffer> offers = new ArrayList<>();
        for (Map<String, Object> model : Json.objects(list, "data")) {
            String id = Json.requireText(model, "id");
            offers.add(prices.priced(ModelOffer.of(id, id)));
        }
        return List.copyOf(offers);
    }

    @Override
    public UsageReport fetchUsage(PluginContext context, LocalDate from, LocalDate until) {
        Optional<String> adminKey = context.settings().secret("admin-key").map(s -> s.reveal());
        if (adminKey.isEmpty()) {
            return UsageReport.unsupported("No admin key configured; OpenAI's usage API needs one.");
        }
        Map<String, String> headers = bearer(adminKey.get());
        String window = "start_time=" + Dates.startOf(from).getEpochSecond() + "&end_time="
                + Dates.startOf(until).getEpochSecond() + "&bucket_width=1d&limit=31";
        UsageRows rows = new UsageRows();
        DailyBuckets.read(context, VENDOR, "/v1/organization/usage/completions?" + window + "&group_by=model", headers,
                OpenAiProvider::startTime, (day, result) -> rows.addTokens(day, Json.text(result, "model").orElse("unknown"),
                        Json.longValue(result, "input_tokens"), Json.longValue(result, "output_tokens")));
        DailyBuckets.read(context, VENDOR, "/v1/organization/costs?" + window + "&group_by=line_item", headers,
                OpenAiProvider::startTime, (day, result) -> Json.decimal(Json.object(result, "amount"), "value")
                        .ifPresent(usd -> rows.addCost(day, modelOf(Json.text(result, "line_item").orElse("other")), usd)));
        return rows.report();
    }

    /** Cost line items read "gpt-4o-mini-2024-07-18, input": the model is what comes before the comma. */
    static String modelOf(String lineItem) {
        int comma = lineItem.indexOf(',');
        return (comma < 0 ? lineItem : lineItem.substring(0, comma)).strip();
    }

    private static LocalDate startTime(Map<String, Object> bucket) {
        return Dates.dayOf(java.time.Instant.ofEpochSecond(Json.requireLong(bucket, "start_time")));
    }

    private static Map<String, String> bearer(String key) {
        return Map.of("Authorization", "Bearer " + key);
    }
}

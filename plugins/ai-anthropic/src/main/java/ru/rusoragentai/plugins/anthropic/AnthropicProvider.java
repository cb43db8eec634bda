package ru.rusoragentai.plugins.anthropic;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
 * Anthropic: models from {@code GET /v1/models}; usage and cost from the Admin API
 * ({@code /v1/organizations/usage_report/messages} and {@code /v1/organizations/cost_report}, daily buckets,
 * paginated by {@code has_more}/{@code next_page}). Stateless and thread-safe.
 */
@Extension
public class AnthropicProvider implements AiProvider {

    static final String VENDOR = "Anthropic";
    private static final String VERSION = "2023-06-01";
    private static final Map<String, PriceTable.Price> LIST_PRICES = Map.of(
            "claude-opus-4", PriceTable.price("15", "75"),
            "claude-sonnet-4", PriceTable.price("3", "15"),
            "claude-haiku-4-5", PriceTable.price("1", "5"),
            "claude-3-5-haiku", PriceTable.price("0.80", "4"),
            "claude-3-7-sonnet", PriceTable.price("3", "15"));
    private static final List<SettingDescriptor> SETTINGS = List.of(
            SettingDescriptor.url("base-url", "API base URL").withDefault("https://api.anthropic.com")
                    .withHelp("Change only to route through a proxy or a test stub."),
            SettingDescriptor.secret("api-key", "API key").asRequired()
                    .withHelp("A workspace API key (sk-ant-api...); used for the models list and the health check."),
            SettingDescriptor.secret("admin-key", "Admin API key")
                    .withHelp("An Admin API key (sk-ant-admin...) for usage and cost reports; without it reconciliation uses our own figures only."),
            SettingDescriptor.of("prices", "Price overrides", SettingType.MULTILINE)
                    .withHelp("One 'model-prefix = input / output' per line, USD per million tokens."));

    @Override
    public String providerId() {
        return "anthropic";
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
        Map<String, String> headers = headers(context.settings().requireSecret("api-key").reveal());
        PriceTable prices = PriceTable.of(LIST_PRICES, context.settings().get("prices"));
        List<ModelOffer> offers = new ArrayList<>();
        String after = null;
        do {
            String path = "/v1/models?limit=1000" + (after == null ? "" : "&after_id=" + encode(after));
            Map<String, Object> page = VendorHttp.getJson(context, VENDOR, path, headers);
            for (Map<String, Object> model : Json.objects(page, "data")) {
                String id = Json.requireText(model, "id");
                offers.add(prices.priced(ModelOffer.of(id, Json.text(model, "display_name").orElse(id))
                        .withContextWindow(200_000)));
            }
            after = Json.bool(page, "has_more") ? Json.text(page, "last_id").orElse(null) : null;
        } while (after != null);
        return List.copyOf(offers);
    }

    @Override
    public UsageReport fetchUsage(PluginContext context, LocalDate from, LocalDate until) {
        Optional<String> adminKey = context.settings().secret("admin-key").map(s -> s.reveal());
        if (adminKey.isEmpty()) {
            return UsageReport.unsupported("No Admin API key configured; Anthropic's usage report needs one.");
        }
        Map<String, String> headers = headers(adminKey.get());
        String window = "starting_at=" + encode(Dates.startOf(from).toString()) + "&ending_at="
                + encode(Dates.startOf(until).toString()) + "&bucket_width=1d&limit=31";
        UsageRows rows = new UsageRows();
        DailyBuckets.read(context, VENDOR, "/v1/organizations/usage_report/messages?" + window + "&group_by%5B%5D=model", headers,
                AnthropicProvider::startingAt, (day, result) -> rows.addTokens(day, Json.text(result, "model").orElse("unknown"),
                        inputTokens(result), Json.longValue(result, "output_tokens")));
        DailyBuckets.read(context, VENDOR, "/v1/organizations/cost_report?" + window + "&group_by%5B%5D=description", headers,
                AnthropicProvider::startingAt, (day, result) -> Json.decimal(result, "amount").ifPresent(cents -> rows.addCost(day,
                        Json.text(result, "model").orElse("other"), cents.movePointLeft(2))));
        return rows.report();
    }

    private static LocalDate startingAt(Map<String, Object> bucket) {
        return Dates.dayOf(Json.requireText(bucket, "starting_at"));
    }

    /** Uncached input plus cache writes and reads: every input token Anthropic counted. */
    private static long inputTokens(Map<String, Object> result) {
        Map<String, Object> cacheCreation = Json.object(result, "cache_creation");
        return Json.longValue(result, "uncached_input_tokens") + Json.longValue(result, "cache_read_input_tokens")
                + Json.longValue(cacheCreation, "ephemeral_1h_input_tokens")
                + Json.longValue(cacheCreation, "ephemeral_5m_input_tokens");
    }

    private static Map<String, String> headers(String key) {
        return Map.of("x-api-key", key, "anthropic-version", VERSION);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package ru.rusoragentai.plugins.gemini;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;
import ru.rusoragentai.plugins.support.Json;
import ru.rusoragentai.plugins.support.PriceTable;
import ru.rusoragentai.plugins.support.VendorHttp;
import ru.rusoragentai.spi.AiProvider;
import ru.rusoragentai.spi.HealthResult;
import ru.rusoragentai.spi.ModelOffer;
import ru.rusoragentai.spi.PluginContext;
import ru.rusoragentai.spi.SettingDescriptor;
import ru.rusoragentai.spi.SettingType;
import ru.rusoragentai.spi.UsageReport;

/**
 * Google Gemini: models from {@code GET /v1beta/models} (paged by {@code nextPageToken}). Google offers no
 * organisation usage or cost API for Gemini API keys, so {@link #fetchUsage} says so and reconciliation relies on
 * our own usage events. Stateless and thread-safe.
 */
@Extension
public class GeminiProvider implements AiProvider {

    static final String VENDOR = "Google Gemini";
    static final String NO_USAGE_API = "Google offers no organisation usage API for Gemini; reconciliation uses our own usage events.";
    private static final Map<String, PriceTable.Price> LIST_PRICES = Map.of(
            "gemini-2.5-pro", PriceTable.price("1.25", "10"),
            "gemini-2.5-flash", PriceTable.price("0.30", "2.50"),
            "gemini-2.5-flash-lite", PriceTable.price("0.10", "0.40"),
            "gemini-2.0-flash", PriceTable.price("0.10", "0.40"));
    private static final List<SettingDescriptor> SETTINGS = List.of(
            SettingDescriptor.url("base-url", "API base URL").withDefault("https://generativelanguage.googleapis.com")
                    .withHelp("Change only to route through a proxy or a test stub."),
            SettingDescriptor.secret("api-key", "API key").asRequired()
                    .withHelp("A Gemini API key from Google AI Studio. " + NO_USAGE_API),
            SettingDescriptor.of("prices", "Price overrides", SettingType.MULTILINE)
                    .withHelp("One 'model-prefix = input / output' per line, USD per million tokens."));

    @Override
    public String providerId() {
        return "google";
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
        Map<String, String> headers = Map.of("x-goog-api-key", context.settings().requireSecret("api-key").reveal());
        PriceTable prices = PriceTable.of(LIST_PRICES, context.settings().get("prices"));
        List<ModelOffer> offers = new ArrayList<>();
        String token = null;
        do {
            String path = "/v1beta/models?pageSize=1000"
                    + (token == null ? "" : "&pageToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
            Map<String, Object> page = VendorHttp.getJson(context, VENDOR, path, headers);
            for (Map<String, Object> model : Json.objects(page, "models")) {
                if (!String.valueOf(model.get("supportedGenerationMethods")).contains("generateContent")) {
                    continue;
                }
                String id = Json.requireText(model, "name").replaceFirst("^models/", "");
                ModelOffer offer = ModelOffer.of(id, Json.text(model, "displayName").orElse(id));
                long window = Json.longValue(model, "inputTokenLimit");
                offers.add(prices.priced(window > 0 ? offer.withContextWindow((int) window) : offer));
            }
            token = Json.text(page, "nextPageToken").filter(t -> !t.isBlank()).orElse(null);
        } while (token != null);
        return List.copyOf(offers);
    }

    @Override
    public UsageReport fetchUsage(PluginContext context, LocalDate from, LocalDate until) {
        return UsageReport.unsupported(NO_USAGE_API);
    }
}

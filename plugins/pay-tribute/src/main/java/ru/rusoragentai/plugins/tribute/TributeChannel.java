package ru.rusoragentai.plugins.tribute;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.pf4j.Extension;
import ru.rusoragentai.plugins.support.Json;
import ru.rusoragentai.spi.HealthResult;
import ru.rusoragentai.spi.PaymentChannel;
import ru.rusoragentai.spi.PluginCallException;
import ru.rusoragentai.spi.PluginMessage;
import ru.rusoragentai.spi.PluginContext;
import ru.rusoragentai.spi.SecretValue;
import ru.rusoragentai.spi.SettingDescriptor;
import ru.rusoragentai.spi.SettingType;
import ru.rusoragentai.spi.TokenPack;
import ru.rusoragentai.spi.WebhookDelivery;
import ru.rusoragentai.spi.WebhookOutcome;

/**
 * Tribute (tribute.tg): verifies {@code trbt-signature} (hex HMAC-SHA256 of the raw body keyed with the API key,
 * compared in constant time) and maps subscription, digital-product and shop-order events to payment events.
 * Makes no network calls. Stateless and thread-safe.
 */
@Extension
public class TributeChannel implements PaymentChannel {

    static final String SIGNATURE_HEADER = "trbt-signature";
    private static final List<SettingDescriptor> SETTINGS = List.of(
            SettingDescriptor.secret("api-key", "API key").asRequired()
                    .withHelp("Creator Dashboard > Settings > API Keys. Tribute signs every webhook with it."),
            SettingDescriptor.of("products", "Token packs", SettingType.MULTILINE).asRequired()
                    .withHelp("One 'product-key = tokens | name' per line; keys are subscription:<id>, digital:<id> or shop:<id>."));

    @Override
    public List<SettingDescriptor> settings() {
        return SETTINGS;
    }

    @Override
    public HealthResult checkHealth(PluginContext context) {
        if (context.settings().secret("api-key").isEmpty()) {
            return HealthResult.unhealthy(PluginMessage.of("health.no-key", "No API key: every webhook would be refused."));
        }
        try {
            int count = products(context).size();
            return count == 0 ? HealthResult.unhealthy(PluginMessage.of("health.no-packs", "API key set, but no token packs mapped."))
                    : HealthResult.healthy(PluginMessage.of("health.ok",
                            "API key set; token packs mapped: {0}. Tribute offers no test call.", count));
        } catch (PluginCallException e) {
            return HealthResult.unhealthy(e.said());
        }
    }

    @Override
    public WebhookOutcome parseWebhook(WebhookDelivery delivery, PluginContext context) {
        Optional<SecretValue> key = context.settings().secret("api-key").filter(k -> !k.reveal().isEmpty());
        if (key.isEmpty()) {
            return WebhookOutcome.badSignature("No API key configured for Tribute");
        }
        Optional<String> signature = delivery.header(SIGNATURE_HEADER);
        if (signature.isEmpty()) {
            return WebhookOutcome.badSignature("No " + SIGNATURE_HEADER + " header");
        }
        byte[] expected = sign(delivery.body(), key.get().reveal()).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.get().strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            return WebhookOutcome.badSignature("Signature does not match the body");
        }
        try {
            return TributeEvents.map(Json.object(delivery.bodyText()), ProductMap.parse(context.settings().get("products")));
        } catch (Json.JsonException | ArithmeticException e) {
            return WebhookOutcome.malformed("Tribute event unreadable: " + e.getMessage());
        }
    }

    @Override
    public List<TokenPack> products(PluginContext context) {
        return List.copyOf(ProductMap.parse(context.settings().get("products")).packs().values());
    }

    /** Hex HMAC-SHA256 of the body keyed with the API key, as Tribute computes {@code trbt-signature}. */
    static String sign(byte[] body, String apiKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(apiKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}

package ru.rusoragentai.plugins.tribute;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import ru.rusoragentai.spi.WebhookDelivery;

/** Webhook bodies shaped like Tribute's documentation, and signing as Tribute signs. */
final class TributeSamples {

    static final String PRODUCTS = """
            # key = tokens | name
            subscription:1644 = 1_000_000 | Monthly 1M
            digital:77 = 250000 | Starter pack
            shop:9 = 5000000
            """;

    private TributeSamples() {
    }

    static String newSubscription(long telegramUserId) {
        return envelope("new_subscription", """
                {"subscription_name": "Support creativity", "subscription_id": 1644, "period_id": 1547,
                 "period": "monthly", "price": 1000, "amount": 700, "currency": "eur", "user_id": 31326,
                 "telegram_user_id": %d, "channel_id": 614, "channel_name": "lbs",
                 "expires_at": "2025-04-20T01:15:57.305733Z"}""".formatted(telegramUserId));
    }

    static String envelope(String name, String payload) {
        return """
                {"name": "%s", "created_at": "2025-03-20T01:15:58.33246Z", "sent_at": "2025-03-20T01:15:58.542279448Z",
                 "payload": %s}""".formatted(name, payload);
    }

    static WebhookDelivery signed(String body, String key) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return WebhookDelivery.of(bytes, Map.of("Content-Type", List.of("application/json"),
                "trbt-signature", List.of(TributeChannel.sign(bytes, key))));
    }
}

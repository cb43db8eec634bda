package ru.rusoragentai.console.plugins.broken;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import ru.rusoragentai.spi.HealthResult;
import ru.rusoragentai.spi.PaymentChannel;
import ru.rusoragentai.spi.PaymentEvent;
import ru.rusoragentai.spi.PaymentKind;
import ru.rusoragentai.spi.PluginContext;
import ru.rusoragentai.spi.SettingDescriptor;
import ru.rusoragentai.spi.TokenPack;
import ru.rusoragentai.spi.WebhookDelivery;
import ru.rusoragentai.spi.WebhookOutcome;

/**
 * A payment channel whose behaviour a test switches with the system property {@link #MODE} (the plugin's classes
 * load in their own class loader, so a static field would not be shared): {@code ok} verifies a body of the form
 * {@code telegramId:externalId:tokens} as a purchase, {@code hang} never answers, {@code throw} throws, and
 * {@code negative} builds an event with a negative amount.
 */
public class FlakyChannel implements PaymentChannel {

    public static final String MODE = "console.test.flaky-channel";

    @Override
    public List<SettingDescriptor> settings() {
        return List.of();
    }

    @Override
    public HealthResult checkHealth(PluginContext context) {
        return HealthResult.healthy("flaky");
    }

    @Override
    public WebhookOutcome parseWebhook(WebhookDelivery delivery, PluginContext context) {
        String[] parts = new String(delivery.body(), StandardCharsets.UTF_8).split(":");
        switch (System.getProperty(MODE, "ok")) {
            case "hang" -> hang();
            case "throw" -> throw new IllegalStateException("flaky channel is broken");
            default -> { }
        }
        long amount = "negative".equals(System.getProperty(MODE)) ? -100 : 499;
        return WebhookOutcome.verified(PaymentEvent.builder().kind(PaymentKind.PURCHASE).externalId(parts[1])
                .telegramUserId(Long.parseLong(parts[0])).amountMinor(amount).currency("USD").productId("pack")
                .tokens(Long.parseLong(parts[2])).occurredAt(Instant.parse("2026-06-01T00:00:00Z")).build());
    }

    @Override
    public List<TokenPack> products(PluginContext context) {
        return List.of();
    }

    private static void hang() {
        long until = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < until) {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                // keeps hanging, as a badly written plugin would
            }
        }
    }
}

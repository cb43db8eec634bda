package ru.rusoragentai.plugins.tribute;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import ru.rusoragentai.plugins.support.Json;
import ru.rusoragentai.spi.PaymentEvent;
import ru.rusoragentai.spi.PaymentKind;
import ru.rusoragentai.spi.WebhookOutcome;

/**
 * Maps Tribute's webhook envelope {@code {name, created_at, sent_at, payload}} to payment events. External ids
 * come only from fields that stay the same when Tribute retries a delivery (never {@code sent_at}).
 */
final class TributeEvents {

    private TributeEvents() {
    }

    static WebhookOutcome map(Map<String, Object> envelope, ProductMap products) {
        String name = Json.requireText(envelope, "name");
        Map<String, Object> payload = Json.object(envelope, "payload");
        if (payload.isEmpty()) {
            throw new Json.JsonException("missing payload");
        }
        Instant createdAt = instant(Json.requireText(envelope, "created_at"));
        return switch (name) {
            case "new_subscription" -> subscription(PaymentKind.PURCHASE, payload, createdAt, products);
            case "renewed_subscription" -> subscription(PaymentKind.RENEWAL, payload, createdAt, products);
            case "cancelled_subscription" -> subscription(PaymentKind.CANCELLATION, payload, createdAt, products);
            case "new_digital_product" -> product(PaymentKind.PURCHASE, "digital", payload, createdAt, products);
            case "digital_product_refunded" -> product(PaymentKind.REFUND, "digital", payload, createdAt, products);
            case "shop_order" -> order(PaymentKind.PURCHASE, payload, createdAt, products);
            case "shop_order_refunded" -> order(PaymentKind.REFUND, payload, createdAt, products);
            case "shop_order_chargeback" -> order(PaymentKind.CHARGEBACK, payload, createdAt, products);
            default -> WebhookOutcome.ignored("Tribute event '" + name + "' does not move tokens");
        };
    }

    private static WebhookOutcome subscription(PaymentKind kind, Map<String, Object> payload, Instant createdAt,
                                               ProductMap products) {
        long subscription = Json.requireLong(payload, "subscription_id");
        long telegram = Json.requireLong(payload, "telegram_user_id");
        String productKey = "subscription:" + subscription;
        String externalId = (kind == PaymentKind.CANCELLATION ? "subscription-cancel:" : "subscription:") + subscription
                + ":" + Json.longValue(payload, "period_id") + ":" + telegram + ":" + createdAt.toEpochMilli();
        return event(kind, externalId, telegram, payload, productKey,
                kind == PaymentKind.CANCELLATION ? 0 : products.tokensFor(productKey), createdAt);
    }

    private static WebhookOutcome product(PaymentKind kind, String prefix, Map<String, Object> payload,
                                          Instant createdAt, ProductMap products) {
        String productKey = prefix + ":" + Json.requireLong(payload, "product_id");
        String externalId = prefix + ":" + Json.requireLong(payload, "purchase_id");
        return event(kind, externalId, Json.requireLong(payload, "telegram_user_id"), payload, productKey,
                kind.credits() ? products.tokensFor(productKey) : 0, createdAt);
    }

    private static WebhookOutcome order(PaymentKind kind, Map<String, Object> payload, Instant createdAt,
                                        ProductMap products) {
        String productKey = "shop:" + Json.requireLong(payload, "product_id");
        String externalId = "order:" + Json.requireLong(payload, "order_id");
        return event(kind, externalId, Json.requireLong(payload, "telegram_user_id"), payload, productKey,
                kind.credits() ? products.tokensFor(productKey) : 0, createdAt);
    }

    private static WebhookOutcome event(PaymentKind kind, String externalId, long telegram, Map<String, Object> payload,
                                        String productKey, long tokens, Instant createdAt) {
        // price is what the subscriber paid; amount what reaches the creator after Tribute's fee
        long amount = Json.decimal(payload, "price").or(() -> Json.decimal(payload, "amount"))
                .map(d -> d.longValueExact()).orElse(0L);
        if (amount < 0) {
            throw new Json.JsonException("price must not be negative");
        }
        String currency = Json.text(payload, "currency").orElse("XXX").toUpperCase(Locale.ROOT);
        return WebhookOutcome.verified(PaymentEvent.builder().kind(kind).externalId(externalId)
                .telegramUserId(telegram).amountMinor(kind == PaymentKind.CANCELLATION ? 0 : amount).currency(currency)
                .productId(productKey).tokens(tokens).occurredAt(createdAt).build());
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new Json.JsonException("created_at is not an RFC 3339 time");
        }
    }
}

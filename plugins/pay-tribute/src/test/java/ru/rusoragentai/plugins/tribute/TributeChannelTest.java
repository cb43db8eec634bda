package ru.rusoragentai.plugins.tribute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.rusoragentai.plugins.testkit.PaymentChannelContract;
import ru.rusoragentai.plugins.testkit.StubHttpServer;
import ru.rusoragentai.plugins.testkit.TestContext;
import ru.rusoragentai.spi.HealthResult;
import ru.rusoragentai.spi.PaymentChannel;
import ru.rusoragentai.spi.PaymentEvent;
import ru.rusoragentai.spi.PaymentKind;
import ru.rusoragentai.spi.WebhookDelivery;
import ru.rusoragentai.spi.WebhookOutcome;

class TributeChannelTest extends PaymentChannelContract {

    @Override
    protected PaymentChannel extension() {
        return new TributeChannel();
    }

    @Override
    protected void stubHealthyVendor(StubHttpServer server) {
        // Tribute's health check is local: the key is set and the product map parses
    }

    @Override
    protected boolean healthCheckCallsTheVendor() {
        return false;
    }

    @Override
    protected TestContext.Builder settings(TestContext.Builder builder) {
        return builder.setting("products", TributeSamples.PRODUCTS);
    }

    @Override
    protected String purchaseBody() {
        return TributeSamples.newSubscription(12321321);
    }

    @Override
    protected WebhookDelivery sign(String body, String secret) {
        return TributeSamples.signed(body, secret);
    }

    @Override
    protected String signatureHeader() {
        return TributeChannel.SIGNATURE_HEADER;
    }

    @Test
    void shouldMapANewSubscriptionToAPurchaseOfItsPack() {
        PaymentEvent event = verify(purchaseBody());
        assertEquals(PaymentEvent.builder().kind(PaymentKind.PURCHASE).externalId("subscription:1644:1547:12321321:1742433358332")
                .telegramUserId(12321321).amountMinor(1000).currency("EUR").productId("subscription:1644")
                .tokens(1_000_000).occurredAt(Instant.parse("2025-03-20T01:15:58.33246Z")).build(), event);
    }

    @Test
    void shouldMapRenewalAndCancellation() {
        String payload = """
                {"subscription_id": 1644, "period_id": 1548, "price": 1000, "amount": 700, "currency": "eur",
                 "telegram_user_id": 5, "cancel_reason": ""}""";
        PaymentEvent renewal = verify(TributeSamples.envelope("renewed_subscription", payload));
        assertEquals(PaymentKind.RENEWAL, renewal.kind());
        assertEquals(1_000_000, renewal.tokens());
        PaymentEvent cancellation = verify(TributeSamples.envelope("cancelled_subscription", payload));
        assertEquals(PaymentKind.CANCELLATION, cancellation.kind());
        assertEquals(0, cancellation.tokens());
        assertEquals(0, cancellation.amountMinor());
    }

    @Test
    void shouldGiveARefundTheExternalIdOfThePurchaseItReverses() {
        String payload = """
                {"product_id": 77, "purchase_id": 9001, "amount": 499, "currency": "usd", "telegram_user_id": 42}""";
        PaymentEvent purchase = verify(TributeSamples.envelope("new_digital_product", payload));
        PaymentEvent refund = verify(TributeSamples.envelope("digital_product_refunded", payload));
        assertEquals("digital:9001", purchase.externalId());
        assertEquals(250_000, purchase.tokens());
        assertEquals(purchase.externalId(), refund.externalId());
        assertEquals(PaymentKind.REFUND, refund.kind());
        String order = """
                {"order_id": 31, "product_id": 9, "amount": 10000, "currency": "rub", "telegram_user_id": 42}""";
        assertEquals(PaymentKind.CHARGEBACK, verify(TributeSamples.envelope("shop_order_chargeback", order)).kind());
        assertEquals(5_000_000, verify(TributeSamples.envelope("shop_order", order)).tokens());
    }

    @Test
    void shouldLeaveTokensAtZeroForAnUnmappedProductSoTheConsoleCanParkIt() {
        String payload = """
                {"product_id": 12345, "purchase_id": 1, "amount": 100, "currency": "usd", "telegram_user_id": 42}""";
        assertEquals(0, verify(TributeSamples.envelope("new_digital_product", payload)).tokens());
    }

    @Test
    void shouldIgnoreEventsThatMoveNoTokens() {
        WebhookOutcome outcome = parse(TributeSamples.envelope("physical_order_created", "{\"order_id\": 1}"));
        assertInstanceOf(WebhookOutcome.Ignored.class, outcome);
    }

    @Test
    void shouldCallAnEventWithoutItsTelegramUserMalformed() {
        WebhookOutcome outcome = parse(TributeSamples.envelope("new_subscription", "{\"subscription_id\": 1644}"));
        assertEquals("Tribute event unreadable: missing telegram_user_id",
                assertInstanceOf(WebhookOutcome.Malformed.class, outcome).reason());
    }

    @Test
    void shouldCallANegativePriceMalformed() {
        WebhookOutcome outcome = parse(TributeSamples.envelope("new_subscription",
                "{\"subscription_id\": 1644, \"period_id\": 1, \"telegram_user_id\": 31, \"price\": -100, \"currency\": \"rub\"}"));
        assertEquals("Tribute event unreadable: price must not be negative",
                assertInstanceOf(WebhookOutcome.Malformed.class, outcome).reason());
    }

    @Test
    void shouldAcceptAnUpperCaseHexSignature() {
        byte[] body = purchaseBody().getBytes(StandardCharsets.UTF_8);
        WebhookDelivery delivery = WebhookDelivery.of(body,
                Map.of("Trbt-Signature", List.of(TributeChannel.sign(body, CANARY).toUpperCase())));
        assertInstanceOf(WebhookOutcome.Verified.class, extension().parseWebhook(delivery, context()));
    }

    @Test
    void shouldBeUnhealthyWithoutProducts() {
        TestContext context = TestContext.builder().secret("api-key", CANARY).build();
        assertInstanceOf(HealthResult.Unhealthy.class, extension().checkHealth(context));
    }

    private WebhookOutcome parse(String body) {
        return extension().parseWebhook(sign(body, CANARY), context());
    }

    private PaymentEvent verify(String body) {
        WebhookOutcome outcome = parse(body);
        return assertInstanceOf(WebhookOutcome.Verified.class, outcome, outcome.toString()).event();
    }
}

package ru.rusoragentai.plugins.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.rusoragentai.spi.PaymentChannel;
import ru.rusoragentai.spi.WebhookDelivery;
import ru.rusoragentai.spi.WebhookOutcome;

/** Contract tests for {@link PaymentChannel} plugins. */
public abstract class PaymentChannelContract extends ConsoleExtensionContract<PaymentChannel> {

    /** A purchase webhook body the channel understands (any known product). */
    protected abstract String purchaseBody();

    /** The delivery as the vendor would send {@code body}, signed with {@code secret} the vendor's way. */
    protected abstract WebhookDelivery sign(String body, String secret);

    /** The header that carries the signature, for the tampering tests. */
    protected abstract String signatureHeader();

    @Test
    void shouldVerifyAGenuineDelivery() {
        WebhookOutcome outcome = extension().parseWebhook(sign(purchaseBody(), CANARY), context());
        assertInstanceOf(WebhookOutcome.Verified.class, outcome, outcome.toString());
    }

    @Test
    void shouldRejectWebhookWithBadSignature() {
        WebhookDelivery genuine = sign(purchaseBody(), "some-other-key");
        assertInstanceOf(WebhookOutcome.BadSignature.class, extension().parseWebhook(genuine, context()));
    }

    @Test
    void shouldRejectWebhookWithTamperedBody() {
        WebhookDelivery genuine = sign(purchaseBody(), CANARY);
        String tampered = purchaseBody().replaceFirst("\\d", "9").replaceFirst("\\d", "8");
        WebhookDelivery forged = WebhookDelivery.of(tampered.getBytes(StandardCharsets.UTF_8), genuine.headers());
        assertInstanceOf(WebhookOutcome.BadSignature.class, extension().parseWebhook(forged, context()));
    }

    @Test
    void shouldRejectWebhookWithoutSignature() {
        Map<String, List<String>> headers = new HashMap<>(sign(purchaseBody(), CANARY).headers());
        headers.remove(signatureHeader().toLowerCase(java.util.Locale.ROOT));
        WebhookDelivery unsigned = WebhookDelivery.of(purchaseBody().getBytes(StandardCharsets.UTF_8), headers);
        assertInstanceOf(WebhookOutcome.BadSignature.class, extension().parseWebhook(unsigned, context()));
    }

    @Test
    void shouldCallASignedNonJsonBodyMalformed() {
        WebhookOutcome outcome = extension().parseWebhook(sign("{not json", CANARY), context());
        assertInstanceOf(WebhookOutcome.Malformed.class, outcome);
    }

    @Test
    void shouldKeepTheExternalIdOfDuplicateDeliveries() {
        WebhookDelivery delivery = sign(purchaseBody(), CANARY);
        WebhookOutcome first = extension().parseWebhook(delivery, context());
        WebhookOutcome again = extension().parseWebhook(sign(purchaseBody(), CANARY), context());
        assertEquals(((WebhookOutcome.Verified) first).event().externalId(),
                ((WebhookOutcome.Verified) again).event().externalId());
        assertEquals(first, again);
    }

    @Override
    protected List<String> exerciseForSecretLeaks(TestContext context) {
        return List.of(extension().parseWebhook(sign(purchaseBody(), CANARY), context).toString(),
                extension().parseWebhook(sign(purchaseBody(), "wrong"), context).toString(),
                extension().products(context).toString());
    }
}

package ru.rusoragentai.plugins.tribute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;
import org.pf4j.PluginState;
import ru.rusoragentai.plugins.testkit.PluginHarness;
import ru.rusoragentai.plugins.testkit.TestContext;
import ru.rusoragentai.spi.PaymentChannel;
import ru.rusoragentai.spi.WebhookOutcome;

class TributePackagedIT {

    @Test
    void shouldVerifyAWebhookThroughThePackagedJar() {
        try (PluginHarness harness = PluginHarness.load(PluginHarness.builtJar())) {
            assertEquals(PluginState.STARTED, harness.state());
            PaymentChannel channel = harness.extension(PaymentChannel.class);
            TestContext context = TestContext.builder().secret("api-key", "k").setting("products", TributeSamples.PRODUCTS).build();
            WebhookOutcome outcome = channel.parseWebhook(TributeSamples.signed(TributeSamples.newSubscription(7), "k"), context);
            assertEquals(1_000_000, assertInstanceOf(WebhookOutcome.Verified.class, outcome).event().tokens());
        }
    }
}

package ru.rusoragentai.spi;

import java.util.List;

/**
 * A way users pay for token packs (Tribute...). The console receives the channel's webhooks at
 * {@code POST /webhooks/{plugin id}} and hands each delivery to {@link #parseWebhook}.
 */
public interface PaymentChannel extends ConsoleExtension {

    /**
     * Verifies a delivery's signature and maps it to a payment event. Must not call out to the network and
     * must be deterministic: the same delivery (a vendor retry) gives the same event with the same external id.
     *
     * @return {@link WebhookOutcome.Verified}, {@link WebhookOutcome.Ignored}, {@link WebhookOutcome.BadSignature}
     *         or {@link WebhookOutcome.Malformed}; a missing setting is {@link WebhookOutcome.BadSignature}
     */
    WebhookOutcome parseWebhook(WebhookDelivery delivery, PluginContext context);

    /**
     * The channel's products and the token pack each buys, from the plugin's settings.
     *
     * @throws PluginCallException when the mapping setting is invalid
     */
    List<TokenPack> products(PluginContext context);
}

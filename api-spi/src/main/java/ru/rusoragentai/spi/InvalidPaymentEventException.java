package ru.rusoragentai.spi;

/**
 * A {@link PaymentEvent} could not be built from what the channel sent: a value is missing or out of range (a
 * negative price, say). It is the delivery that is wrong, not the plugin: the console records the delivery as
 * malformed, answers 400 and keeps the plugin running. A plugin should still check its input and return
 * {@link WebhookOutcome#malformed(String)} itself; this is the safety net when it does not.
 *
 * @since 1.1.0
 */
public class InvalidPaymentEventException extends IllegalArgumentException {

    /** @param message what is wrong with the event, in English, for the webhook inbox (never a secret) */
    public InvalidPaymentEventException(String message) {
        super(message);
    }
}

package ru.rusoragentai.console.payments;

/**
 * Published inside the transaction that applied a refund or chargeback, so that listeners (abuse monitoring) can
 * react once it commits.
 */
public record PaymentReversed(long userId, boolean chargeback, String externalId) {
}

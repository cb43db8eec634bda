package ru.rusoragentai.spi;

import java.time.Instant;

/**
 * A payment event in the console's terms. Build with {@link #builder()}.
 *
 * @param kind           what happened
 * @param externalId     the channel's id of the payment: stable across retries of the same delivery; for a
 *                       refund or chargeback, the id of the payment it reverses
 * @param telegramUserId the paying user's Telegram id
 * @param amountMinor    the amount in minor units (cents, kopecks); zero for a cancellation
 * @param currency       ISO 4217 code, upper case
 * @param productId      the channel's product key (see {@link TokenPack}), or null when the event has none
 * @param tokens         tokens to credit (purchase, renewal) from the product mapping; 0 when not applicable
 * @param occurredAt     when the channel says it happened
 */
public record PaymentEvent(PaymentKind kind, String externalId, long telegramUserId, long amountMinor,
                           String currency, String productId, long tokens, Instant occurredAt) {

    /**
     * @throws InvalidPaymentEventException when a value is missing or out of range (since 1.1.0; an
     *         {@link IllegalArgumentException} as before, and a {@link NullPointerException} for a missing value before)
     */
    public PaymentEvent {
        require(kind, "kind");
        require(externalId, "externalId");
        require(currency, "currency");
        require(occurredAt, "occurredAt");
        if (externalId.isBlank() || externalId.length() > 100) {
            throw new InvalidPaymentEventException("externalId must be 1..100 characters");
        }
        if (amountMinor < 0 || tokens < 0) {
            throw new InvalidPaymentEventException("amount and tokens must not be negative");
        }
    }

    private static void require(Object value, String name) {
        if (value == null) {
            throw new InvalidPaymentEventException(name + " is missing");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link PaymentEvent}; every setter returns the builder. */
    public static final class Builder {
        private PaymentKind kind;
        private String externalId;
        private long telegramUserId;
        private long amountMinor;
        private String currency = "XXX";
        private String productId;
        private long tokens;
        private Instant occurredAt;

        private Builder() {
        }

        public Builder kind(PaymentKind value) {
            this.kind = value;
            return this;
        }

        public Builder externalId(String value) {
            this.externalId = value;
            return this;
        }

        public Builder telegramUserId(long value) {
            this.telegramUserId = value;
            return this;
        }

        public Builder amountMinor(long value) {
            this.amountMinor = value;
            return this;
        }

        public Builder currency(String value) {
            this.currency = value;
            return this;
        }

        public Builder productId(String value) {
            this.productId = value;
            return this;
        }

        public Builder tokens(long value) {
            this.tokens = value;
            return this;
        }

        public Builder occurredAt(Instant value) {
            this.occurredAt = value;
            return this;
        }

        public PaymentEvent build() {
            return new PaymentEvent(kind, externalId, telegramUserId, amountMinor, currency, productId, tokens,
                    occurredAt);
        }
    }
}

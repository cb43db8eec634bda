package ru.rusoragentai.spi;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

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
                           String currency, @Nullable String productId, long tokens, Instant occurredAt) {

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

    private static void require(@Nullable Object value, String name) {
        if (value == null) {
            throw new InvalidPaymentEventException(name + " is missing");
        }
    }

    /** A builder with no value set but the currency, {@code XXX} ("no currency", for a cancellation). */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link PaymentEvent}; every setter returns the builder. */
    public static final class Builder {
        private @Nullable PaymentKind kind;
        private @Nullable String externalId;
        private long telegramUserId;
        private long amountMinor;
        private String currency = "XXX";
        private @Nullable String productId;
        private long tokens;
        private @Nullable Instant occurredAt;

        private Builder() {
        }

        /** What happened: purchase, renewal, refund, chargeback or cancellation. */
        public Builder kind(PaymentKind value) {
            this.kind = value;
            return this;
        }

        /** The channel's payment id (for a reversal, the id of the payment it reverses). */
        public Builder externalId(String value) {
            this.externalId = value;
            return this;
        }

        /** The paying user's Telegram id. */
        public Builder telegramUserId(long value) {
            this.telegramUserId = value;
            return this;
        }

        /** The amount in minor units; not negative. */
        public Builder amountMinor(long value) {
            this.amountMinor = value;
            return this;
        }

        /** ISO 4217 code, upper case. */
        public Builder currency(String value) {
            this.currency = value;
            return this;
        }

        /** The channel's product key, or null when the event has none. */
        public Builder productId(@Nullable String value) {
            this.productId = value;
            return this;
        }

        /** Tokens to credit; not negative, 0 when not applicable. */
        public Builder tokens(long value) {
            this.tokens = value;
            return this;
        }

        /** When the channel says it happened. */
        public Builder occurredAt(Instant value) {
            this.occurredAt = value;
            return this;
        }

        /** @throws InvalidPaymentEventException when a value is missing or out of range */
        public PaymentEvent build() {
            return new PaymentEvent(kind, externalId, telegramUserId, amountMinor, currency, productId, tokens,
                    occurredAt);
        }
    }
}

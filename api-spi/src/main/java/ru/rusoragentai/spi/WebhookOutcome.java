package ru.rusoragentai.spi;

import java.util.Objects;

/** What a payment channel made of a webhook delivery. */
public sealed interface WebhookOutcome {

    static WebhookOutcome verified(PaymentEvent event) {
        return new Verified(event);
    }

    static WebhookOutcome ignored(String reason) {
        return new Ignored(reason);
    }

    static WebhookOutcome badSignature(String reason) {
        return new BadSignature(reason);
    }

    static WebhookOutcome malformed(String reason) {
        return new Malformed(reason);
    }

    /** Authentic and understood: the console applies the event (once). */
    record Verified(PaymentEvent event) implements WebhookOutcome {
        public Verified {
            Objects.requireNonNull(event, "event");
        }
    }

    /** Authentic but of a kind the platform does not act on (answered 200, recorded). */
    record Ignored(String reason) implements WebhookOutcome {
        public Ignored {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The signature is missing or wrong, or no key is configured (answered 401, nothing applied). */
    record BadSignature(String reason) implements WebhookOutcome {
        public BadSignature {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Authentic but unreadable: not JSON, or a required field is missing (answered 400). */
    record Malformed(String reason) implements WebhookOutcome {
        public Malformed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}

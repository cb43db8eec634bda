package ru.rusoragentai.console.payments;

import ru.rusoragentai.console.i18n.Text;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import ru.rusoragentai.console.tokens.LedgerKind;
import ru.rusoragentai.console.tokens.LedgerRequest;
import ru.rusoragentai.console.tokens.TokenLedgerService;
import ru.rusoragentai.spi.PaymentEvent;
import ru.rusoragentai.spi.PaymentKind;

/**
 * Applies a verified payment event exactly once, in the caller's transaction: a purchase or renewal records the
 * payment and credits its tokens through the ledger (the external id is the idempotency key); a refund or
 * chargeback marks the payment and debits what it credited. Concurrent deliveries of one event serialise on the
 * user's lock; the payment's unique (channel, external id) and the ledger key make a second credit impossible.
 */
@Component
class PaymentApplier {

    private final PaymentRepository payments;
    private final WebhookInboxRepository inbox;
    private final TokenLedgerService ledger;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    PaymentApplier(PaymentRepository payments, WebhookInboxRepository inbox, TokenLedgerService ledger, Clock clock,
                   org.springframework.context.ApplicationEventPublisher events) {
        this.payments = payments;
        this.inbox = inbox;
        this.ledger = ledger;
        this.clock = clock;
        this.events = events;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Disposition apply(String channel, PaymentEvent event, byte[] rawBody) {
        if (event.kind() == PaymentKind.CANCELLATION) {
            return Disposition.of(InboxStatus.APPLIED, new Text("inbox.outcome.cancellation"), 200);
        }
        if (event.kind().reverses()) {
            return reverse(channel, event);
        }
        return credit(channel, event, new String(rawBody, StandardCharsets.UTF_8));
    }

    private Disposition credit(String channel, PaymentEvent event, String rawText) {
        if (event.tokens() <= 0) {
            return Disposition.of(InboxStatus.UNMATCHED, new Text("inbox.outcome.no-pack", event.productId()), 200);
        }
        Optional<Long> user = ledger.lockAccountOfTelegramUser(event.telegramUserId());
        if (user.isEmpty()) {
            return Disposition.of(InboxStatus.UNMATCHED, new Text("inbox.outcome.no-user", Long.toString(event.telegramUserId())), 200);
        }
        long userId = user.get();
        if (!payments.insertIfNew(channel, event, userId, rawText, LocalDateTime.now(clock))) {
            return duplicate(event).forUser(userId);
        }
        var entry = ledger.apply(new LedgerRequest(userId, event.tokens(), LedgerKind.PURCHASE, event.externalId(),
                channel + " " + event.kind().name().toLowerCase() + " of " + event.productId(),
                key(channel, "credit", event.externalId()), false));
        Disposition applied = Disposition.of(InboxStatus.APPLIED, new Text("inbox.outcome.credited", event.tokens(), entry.balanceAfter()), 200)
                .forUser(userId);
        int reversed = applyParkedReversals(channel, event.externalId());
        return reversed > 0 ? applied.withNote(new Text("inbox.outcome.reversal-applied")) : applied;
    }

    /**
     * A refund can reach us before the purchase it reverses (the vendor's retries are not ordered). It was parked;
     * now that the purchase is here it is applied in the same transaction, so the user never keeps tokens they were
     * refunded. Returns how many were applied.
     */
    private int applyParkedReversals(String channel, String externalId) {
        int applied = 0;
        for (WebhookInboxRepository.ParkedReversal parked : inbox.lockParkedReversals(channel, externalId)) {
            PaymentEvent reversal = PaymentEvent.builder()
                    .kind("chargeback".equals(parked.kind()) ? PaymentKind.CHARGEBACK : PaymentKind.REFUND)
                    .externalId(externalId).telegramUserId(parked.telegramUserId()).currency("XXX")
                    .occurredAt(clock.instant()).build();
            Disposition disposition = reverse(channel, reversal);
            inbox.updateAfterReplay(parked.id(), disposition.withNote(new Text("inbox.outcome.when-purchase-arrived")), reversal, "system",
                    LocalDateTime.now(clock));
            if (disposition.status() == InboxStatus.APPLIED) {
                applied++;
            }
        }
        return applied;
    }

    private Disposition reverse(String channel, PaymentEvent event) {
        Optional<PaymentRepository.StoredPayment> payment = payments.find(channel, event.externalId());
        if (payment.isEmpty() || payment.get().userId() == null) {
            return Disposition.of(InboxStatus.UNMATCHED, new Text("inbox.outcome.no-payment", event.externalId()), 200);
        }
        long userId = payment.get().userId();
        ledger.lockAccount(userId);
        PaymentRepository.StoredPayment locked = payments.find(channel, event.externalId()).orElseThrow();
        if (!"succeeded".equals(locked.status())) {
            return duplicate(event).forUser(userId);
        }
        boolean chargeback = event.kind() == PaymentKind.CHARGEBACK;
        payments.setStatus(locked.id(), chargeback ? "charged_back" : "refunded", LocalDateTime.now(clock));
        var entry = ledger.apply(new LedgerRequest(userId, -locked.tokens(), chargeback ? LedgerKind.CHARGEBACK : LedgerKind.REFUND,
                event.externalId(), channel + " " + event.kind().name().toLowerCase() + " of " + event.externalId(),
                key(channel, "reverse", event.externalId()), true));
        events.publishEvent(new PaymentReversed(userId, chargeback, event.externalId()));
        return Disposition.of(InboxStatus.APPLIED, new Text(chargeback ? "inbox.outcome.debited.chargeback" : "inbox.outcome.debited.refund",
                locked.tokens(), entry.balanceAfter()), 200).forUser(userId);
    }

    private static Disposition duplicate(PaymentEvent event) {
        return Disposition.of(InboxStatus.DUPLICATE, new Text("inbox.outcome.duplicate",
                new Text("inbox.kind." + event.kind().name().toLowerCase(java.util.Locale.ROOT)), event.externalId()), 200);
    }

    /** The ledger idempotency key: readable when it fits 128 characters, a hash otherwise. */
    static String key(String channel, String action, String externalId) {
        String key = channel + ":" + action + ":" + externalId;
        if (key.length() <= 128) {
            return key;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return channel + ":" + action + ":sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

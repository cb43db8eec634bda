package ru.rusoragentai.console.payments;

import org.jspecify.annotations.Nullable;
import static ru.rusoragentai.db.Tables.PAYMENT;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import ru.rusoragentai.spi.PaymentEvent;

@Repository
class PaymentRepository {

    /** A stored payment that a refund or chargeback may reverse. */
    record StoredPayment(long id, @Nullable Long userId, long tokens, String status) {
    }

    private final DSLContext dsl;

    PaymentRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<StoredPayment> find(String channel, String externalId) {
        return dsl.select(PAYMENT.ID, PAYMENT.USER_ID, PAYMENT.TOKENS, PAYMENT.STATUS).from(PAYMENT)
                .where(PAYMENT.CHANNEL.eq(channel), PAYMENT.EXTERNAL_ID.eq(externalId))
                .fetchOptional(r -> new StoredPayment(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** Records a payment unless the channel's external id is already recorded; true when it was new. */
    boolean insertIfNew(String channel, PaymentEvent event, long userId, String rawEvent, LocalDateTime now) {
        return dsl.insertInto(PAYMENT)
                .set(PAYMENT.CHANNEL, channel)
                .set(PAYMENT.EXTERNAL_ID, event.externalId())
                .set(PAYMENT.USER_ID, userId)
                .set(PAYMENT.AMOUNT_MINOR, event.amountMinor())
                .set(PAYMENT.CURRENCY, event.currency().length() == 3 ? event.currency() : "XXX")
                .set(PAYMENT.TOKENS, event.tokens())
                .set(PAYMENT.PRODUCT_ID, event.productId())
                .set(PAYMENT.STATUS, "succeeded")
                .set(PAYMENT.PAID_AT, LocalDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC))
                .set(PAYMENT.CREATED_AT, now)
                .set(PAYMENT.UPDATED_AT, now)
                .set(PAYMENT.RAW_EVENT, rawEvent)
                .onDuplicateKeyIgnore()
                .execute() == 1;
    }

    void setStatus(long paymentId, String status, LocalDateTime now) {
        dsl.update(PAYMENT).set(PAYMENT.STATUS, status).set(PAYMENT.UPDATED_AT, now).where(PAYMENT.ID.eq(paymentId)).execute();
    }
}

package ru.rusoragentai.console.payments;

import static ru.rusoragentai.db.Tables.WEBHOOK_INBOX;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import ru.rusoragentai.console.i18n.TextJson;
import ru.rusoragentai.spi.PaymentEvent;

@Repository
class WebhookInboxRepository {

    private final DSLContext dsl;

    WebhookInboxRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    long insert(String channelId, String headers, byte[] body, Disposition disposition, PaymentEvent event,
                long settingsVersion, LocalDateTime now) {
        return dsl.insertInto(WEBHOOK_INBOX)
                .set(WEBHOOK_INBOX.SETTINGS_CHANGE_ID, settingsVersion == 0 ? null : settingsVersion)
                .set(WEBHOOK_INBOX.CHANNEL_ID, channelId)
                .set(WEBHOOK_INBOX.RECEIVED_AT, now)
                .set(WEBHOOK_INBOX.HEADERS, headers)
                .set(WEBHOOK_INBOX.BODY, body)
                .set(outcome(disposition, event, now))
                .returningResult(WEBHOOK_INBOX.ID)
                .fetchSingle().value1();
    }

    /** The stored delivery, locked for the replaying transaction. */
    Optional<StoredDelivery> lockForReplay(long id) {
        return dsl.select(WEBHOOK_INBOX.CHANNEL_ID, WEBHOOK_INBOX.HEADERS, WEBHOOK_INBOX.BODY, WEBHOOK_INBOX.STATUS,
                        WEBHOOK_INBOX.SETTINGS_CHANGE_ID)
                .from(WEBHOOK_INBOX).where(WEBHOOK_INBOX.ID.eq(id)).forUpdate()
                .fetchOptional(r -> new StoredDelivery(id, r.value1(), r.value2(), r.value3(), InboxStatus.fromDb(r.value4()),
                        r.value5() == null ? 0 : r.value5()));
    }

    void updateAfterReplay(long id, Disposition disposition, PaymentEvent event, String actor, LocalDateTime now) {
        dsl.update(WEBHOOK_INBOX)
                .set(outcome(disposition, event, now))
                .set(WEBHOOK_INBOX.REPLAYED_BY, actor)
                .where(WEBHOOK_INBOX.ID.eq(id))
                .execute();
    }

    /** Ids of deliveries waiting for a replay, oldest first. */
    List<Long> replayable(InboxStatus status, String channelId, int limit) {
        Condition waiting = status != null ? WEBHOOK_INBOX.STATUS.eq(status.dbValue())
                : WEBHOOK_INBOX.STATUS.in(InboxStatus.FAILED.dbValue(), InboxStatus.UNMATCHED.dbValue());
        return dsl.select(WEBHOOK_INBOX.ID).from(WEBHOOK_INBOX)
                .where(waiting.and(filter(null, channelId)))
                .orderBy(WEBHOOK_INBOX.RECEIVED_AT, WEBHOOK_INBOX.ID).limit(limit)
                .fetch(WEBHOOK_INBOX.ID);
    }

    /** Refunds and chargebacks of this payment that arrived before it and were parked, locked for applying now. */
    List<ParkedReversal> lockParkedReversals(String channelId, String externalId) {
        return dsl.select(WEBHOOK_INBOX.ID, WEBHOOK_INBOX.EVENT_KIND, WEBHOOK_INBOX.TELEGRAM_USER_ID).from(WEBHOOK_INBOX)
                .where(WEBHOOK_INBOX.CHANNEL_ID.eq(channelId).and(WEBHOOK_INBOX.EXTERNAL_ID.eq(externalId))
                        .and(WEBHOOK_INBOX.STATUS.eq(InboxStatus.UNMATCHED.dbValue()))
                        .and(WEBHOOK_INBOX.EVENT_KIND.in("refund", "chargeback")))
                .orderBy(WEBHOOK_INBOX.ID).forUpdate()
                .fetch(r -> new ParkedReversal(r.value1(), r.value2(), r.value3() == null ? 0 : r.value3()));
    }

    /** Deletes deliveries received before {@code cutoff}, except those still waiting for a replay; returns how many. */
    int deleteBefore(LocalDateTime cutoff, int limit) {
        List<Long> ids = dsl.select(WEBHOOK_INBOX.ID).from(WEBHOOK_INBOX)
                .where(WEBHOOK_INBOX.RECEIVED_AT.lt(cutoff)
                        .and(WEBHOOK_INBOX.STATUS.notIn(InboxStatus.FAILED.dbValue(), InboxStatus.UNMATCHED.dbValue())))
                .orderBy(WEBHOOK_INBOX.RECEIVED_AT).limit(limit).fetch(WEBHOOK_INBOX.ID);
        return ids.isEmpty() ? 0 : dsl.deleteFrom(WEBHOOK_INBOX).where(WEBHOOK_INBOX.ID.in(ids)).execute();
    }

    List<InboxEntry> find(InboxStatus status, String channelId, int offset, int limit) {
        return dsl.selectFrom(WEBHOOK_INBOX).where(filter(status, channelId))
                .orderBy(WEBHOOK_INBOX.RECEIVED_AT.desc(), WEBHOOK_INBOX.ID.desc())
                .offset(offset).limit(limit)
                .fetch(WebhookInboxRepository::entry);
    }

    int count(InboxStatus status, String channelId) {
        return dsl.fetchCount(WEBHOOK_INBOX, filter(status, channelId));
    }

    private static Condition filter(InboxStatus status, String channelId) {
        Condition condition = DSL.trueCondition();
        if (status != null) {
            condition = condition.and(WEBHOOK_INBOX.STATUS.eq(status.dbValue()));
        }
        if (channelId != null) {
            condition = condition.and(WEBHOOK_INBOX.CHANNEL_ID.eq(channelId));
        }
        return condition;
    }

    private static InboxEntry entry(Record r) {
        return new InboxEntry(r.get(WEBHOOK_INBOX.ID), r.get(WEBHOOK_INBOX.CHANNEL_ID), r.get(WEBHOOK_INBOX.RECEIVED_AT),
                InboxStatus.fromDb(r.get(WEBHOOK_INBOX.STATUS)), r.get(WEBHOOK_INBOX.OUTCOME), TextJson.read(r.get(WEBHOOK_INBOX.OUTCOME_TEXT)),
                r.get(WEBHOOK_INBOX.EVENT_KIND),
                r.get(WEBHOOK_INBOX.EXTERNAL_ID), r.get(WEBHOOK_INBOX.TELEGRAM_USER_ID), r.get(WEBHOOK_INBOX.USER_ID),
                r.get(WEBHOOK_INBOX.TOKENS), r.get(WEBHOOK_INBOX.REPLAYED_BY),
                new String(r.get(WEBHOOK_INBOX.BODY), StandardCharsets.UTF_8));
    }

    /** The columns that say what became of a delivery, written on receipt and again on replay. */
    private static Map<Field<?>, Object> outcome(Disposition disposition, PaymentEvent event, LocalDateTime now) {
        Map<Field<?>, Object> values = new HashMap<>();
        values.put(WEBHOOK_INBOX.STATUS, disposition.status().dbValue());
        values.put(WEBHOOK_INBOX.OUTCOME, clip(disposition.english()));
        String text = TextJson.write(disposition.outcome());
        // a text too long for its column (a plugin's long reason) is shown from the English column instead
        values.put(WEBHOOK_INBOX.OUTCOME_TEXT, text.length() > 2000 ? null : text);
        values.put(WEBHOOK_INBOX.EVENT_KIND, event == null ? null : event.kind().name().toLowerCase(java.util.Locale.ROOT));
        values.put(WEBHOOK_INBOX.EXTERNAL_ID, event == null ? null : event.externalId());
        values.put(WEBHOOK_INBOX.TELEGRAM_USER_ID, event == null ? null : event.telegramUserId());
        values.put(WEBHOOK_INBOX.USER_ID, disposition.userId());
        values.put(WEBHOOK_INBOX.TOKENS, event == null ? null : event.tokens());
        values.put(WEBHOOK_INBOX.UPDATED_AT, now);
        return values;
    }

    private static String clip(String text) {
        return text.length() > 500 ? text.substring(0, 499) + "…" : text;
    }

    /** A parked refund or chargeback: its inbox row, kind (lower case) and the Telegram id it named. */
    record ParkedReversal(long id, String kind, long telegramUserId) {
    }

    /** A delivery as stored, for replay. */
    record StoredDelivery(long id, String channelId, String headers, byte[] body, InboxStatus status, long settingsVersion) {
    }
}

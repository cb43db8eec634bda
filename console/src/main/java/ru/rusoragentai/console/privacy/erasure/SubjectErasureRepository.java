package ru.rusoragentai.console.privacy.erasure;

import ru.rusoragentai.console.privacy.ExportPackage;
import ru.rusoragentai.console.privacy.Subject;
import static ru.rusoragentai.db.Tables.APP_USER;
import static ru.rusoragentai.db.Tables.CONVERSATION;
import static ru.rusoragentai.db.Tables.CONVERSATION_MESSAGE;
import static ru.rusoragentai.db.Tables.EXPORT_FILE;
import static ru.rusoragentai.db.Tables.PAYMENT;
import static ru.rusoragentai.db.Tables.PRIVACY_REQUEST;
import static ru.rusoragentai.db.Tables.STAFF_RECENT;
import static ru.rusoragentai.db.Tables.TOKEN_ADJUSTMENT;
import static ru.rusoragentai.db.Tables.TOKEN_BALANCE;
import static ru.rusoragentai.db.Tables.TOKEN_LEDGER;
import static ru.rusoragentai.db.Tables.USAGE_DAILY;
import static ru.rusoragentai.db.Tables.USAGE_EVENT;
import static ru.rusoragentai.db.Tables.USER_SESSION;
import static ru.rusoragentai.db.Tables.WEBHOOK_INBOX;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The erasure's statements: one short statement per call on the subject's rows; the caller loops until 0. */
@Repository
class SubjectErasureRepository {

    private final DSLContext dsl;

    SubjectErasureRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Deletes up to {@code limit} rows of the user's conversations (their messages go with them). */
    int deleteConversations(long userId, int limit) {
        List<Long> ids = dsl.select(CONVERSATION.ID).from(CONVERSATION).where(CONVERSATION.USER_ID.eq(userId)).limit(limit)
                .fetch(CONVERSATION.ID);
        if (ids.isEmpty()) {
            return 0;
        }
        dsl.deleteFrom(CONVERSATION_MESSAGE).where(CONVERSATION_MESSAGE.CONVERSATION_ID.in(ids)).execute();
        return dsl.deleteFrom(CONVERSATION).where(CONVERSATION.ID.in(ids)).execute();
    }

    /**
     * The days (oldest first) from the user's first usage event to their last: the slices an erasure deletes
     * independently. A day lies within one month, so within one partition; days make slices small enough for the
     * erasure's threads to share the work evenly however the user's usage is spread over the months.
     */
    List<LocalDate> usageDays(long userId) {
        var span = dsl.select(DSL.min(USAGE_EVENT.OCCURRED_AT), DSL.max(USAGE_EVENT.OCCURRED_AT)).from(USAGE_EVENT)
                .where(USAGE_EVENT.USER_ID.eq(userId)).fetchSingle();
        List<LocalDate> days = new ArrayList<>();
        if (span.value1() != null) {
            for (LocalDate day = span.value1().toLocalDate(); !day.isAfter(span.value2().toLocalDate()); day = day.plusDays(1)) {
                days.add(day);
            }
        }
        return days;
    }

    /** One chunk of a day's usage deletion: rows deleted, and where the next chunk starts (null: the day is done). */
    record UsageChunk(int rows, LocalDateTime next) {
    }

    /**
     * Deletes the user's next {@code limit} usage events of {@code day}, oldest first, from {@code from} on (null: the
     * day's start). Each chunk starts where the last one ended, so it never walks the index entries of rows deleted
     * before it (InnoDB purges those only later), and it touches one partition.
     * <p>
     * A DELETE by range on the user index locks each entry its scan reads, including the first one past the range. In
     * the middle of a day that is the day's next row, which nothing else touches, so such chunks delete by range. At
     * the end of the day it would be in the next day, which the other erasure thread may be deleting at that moment:
     * the scan would wait for that thread's open transaction (and walk every entry it has deleted). So the day's last
     * rows, and a chunk that ends inside a run of equal instants, are picked by a plain read and deleted by key.
     */
    UsageChunk deleteUsageChunk(long userId, LocalDate day, LocalDateTime from, int limit) {
        Condition range = USAGE_EVENT.USER_ID.eq(userId)
                .and(USAGE_EVENT.OCCURRED_AT.ge(from == null ? day.atStartOfDay() : from))
                .and(USAGE_EVENT.OCCURRED_AT.lt(day.plusDays(1).atStartOfDay()));
        List<LocalDateTime> edge = dsl.select(USAGE_EVENT.OCCURRED_AT).from(USAGE_EVENT).where(range)
                .orderBy(USAGE_EVENT.OCCURRED_AT).limit(2).offset(limit - 1).fetch(USAGE_EVENT.OCCURRED_AT);
        if (edge.size() == 2 && edge.get(1).isAfter(edge.get(0))) {
            LocalDateTime last = edge.get(0);
            return new UsageChunk(dsl.deleteFrom(USAGE_EVENT).where(range.and(USAGE_EVENT.OCCURRED_AT.le(last))).execute(), last);
        }
        var picked = dsl.select(USAGE_EVENT.ID, USAGE_EVENT.OCCURRED_AT).from(USAGE_EVENT).where(range)
                .orderBy(USAGE_EVENT.OCCURRED_AT).limit(limit).fetch();
        if (picked.isEmpty()) {
            return new UsageChunk(0, null);
        }
        // whole primary keys: point lookups that read and lock nothing but the rows themselves. Spelt as ORs: MariaDB
        // scans the whole table for a row IN list of one element.
        int rows = dsl.deleteFrom(USAGE_EVENT).where(DSL.or(picked.map(r -> USAGE_EVENT.ID.eq(r.value1())
                .and(USAGE_EVENT.OCCURRED_AT.eq(r.value2()))))).execute();
        return new UsageChunk(rows, picked.size() < limit ? null : picked.get(picked.size() - 1).value2());
    }

    int deleteUsageDaily(long userId, int limit) {
        return deleteSome(USAGE_DAILY, USAGE_DAILY.USER_ID.eq(userId), limit);
    }

    int deleteSessions(long userId, int limit) {
        return deleteSome(USER_SESSION, USER_SESSION.USER_ID.eq(userId), limit);
    }

    /** Staff's recently opened entry for the user and recent searches for any of the subject's identifiers. */
    int deleteStaffRecents(Subject subject) {
        List<Long> ids = ResidualScanRepository.staffRecentIds(dsl, subject);
        return ids.isEmpty() ? 0 : dsl.deleteFrom(STAFF_RECENT).where(STAFF_RECENT.ID.in(ids)).execute();
    }

    int deleteAdjustments(long userId, int limit) {
        return deleteSome(TOKEN_ADJUSTMENT, TOKEN_ADJUSTMENT.USER_ID.eq(userId), limit);
    }

    /**
     * Deletes up to {@code limit} ledger rows and takes their sum off the balance in the same transaction (the
     * caller's), so that balance = sum(ledger) holds after every chunk. Deletes the balance row with the last one.
     */
    int deleteLedgerChunk(long userId, int limit) {
        Long balance = dsl.select(TOKEN_BALANCE.BALANCE).from(TOKEN_BALANCE).where(TOKEN_BALANCE.USER_ID.eq(userId)).forUpdate()
                .fetchOptional(TOKEN_BALANCE.BALANCE).orElse(null);
        var rows = dsl.select(TOKEN_LEDGER.ID, TOKEN_LEDGER.DELTA).from(TOKEN_LEDGER).where(TOKEN_LEDGER.USER_ID.eq(userId))
                .orderBy(TOKEN_LEDGER.ID).limit(limit).forUpdate().fetch();
        if (rows.isEmpty()) {
            if (balance != null) {
                dsl.deleteFrom(TOKEN_BALANCE).where(TOKEN_BALANCE.USER_ID.eq(userId)).execute();
            }
            return 0;
        }
        long sum = rows.stream().mapToLong(r -> r.value2()).sum();
        int deleted = dsl.deleteFrom(TOKEN_LEDGER).where(TOKEN_LEDGER.ID.in(rows.getValues(TOKEN_LEDGER.ID))).execute();
        if (balance != null) {
            dsl.update(TOKEN_BALANCE).set(TOKEN_BALANCE.BALANCE, TOKEN_BALANCE.BALANCE.minus(sum))
                    .where(TOKEN_BALANCE.USER_ID.eq(userId)).execute();
        }
        return deleted;
    }

    /** Payments keep amount, currency, date, channel and external id; the link to the person goes. */
    int pseudonymisePayments(long userId, String pseudonym, int limit) {
        return dsl.update(PAYMENT)
                .setNull(PAYMENT.USER_ID)
                .set(PAYMENT.SUBJECT_PSEUDONYM, pseudonym)
                .setNull(PAYMENT.RAW_EVENT)
                .where(PAYMENT.USER_ID.eq(userId))
                .limit(limit)
                .execute();
    }

    /** Webhook deliveries about the subject keep their outcome and external id but lose body, headers and links. */
    int redactWebhooks(Subject subject, int limit) {
        return dsl.update(WEBHOOK_INBOX)
                .set(WEBHOOK_INBOX.BODY, new byte[0])
                .set(WEBHOOK_INBOX.HEADERS, "")
                .setNull(WEBHOOK_INBOX.USER_ID)
                .setNull(WEBHOOK_INBOX.TELEGRAM_USER_ID)
                .where(WEBHOOK_INBOX.USER_ID.eq(subject.userId()).or(WEBHOOK_INBOX.TELEGRAM_USER_ID.eq(subject.telegramUserId())))
                .limit(limit)
                .execute();
    }

    /** Storage paths of the subject's export packages that still exist. */
    List<ExportPackage> livePackagesOf(long userId) {
        return dsl.select(EXPORT_FILE.ID, EXPORT_FILE.FILE_NAME, EXPORT_FILE.STORAGE_PATH, EXPORT_FILE.SHA256, EXPORT_FILE.SIZE_BYTES,
                        EXPORT_FILE.CREATED_AT, EXPORT_FILE.EXPIRES_AT)
                .from(EXPORT_FILE).join(PRIVACY_REQUEST).on(PRIVACY_REQUEST.ID.eq(EXPORT_FILE.REQUEST_ID))
                .where(PRIVACY_REQUEST.USER_ID.eq(userId), EXPORT_FILE.DELETED_AT.isNull())
                .fetch(r -> new ExportPackage(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7()));
    }

    void markPackageDeleted(long exportId, LocalDateTime now) {
        dsl.update(EXPORT_FILE).set(EXPORT_FILE.DELETED_AT, now).where(EXPORT_FILE.ID.eq(exportId)).execute();
    }

    /** The request records stay as proof that they were answered; their link to the account goes. */
    int unlinkPrivacyRequests(long userId) {
        return dsl.update(PRIVACY_REQUEST).setNull(PRIVACY_REQUEST.USER_ID).where(PRIVACY_REQUEST.USER_ID.eq(userId)).execute();
    }

    int deleteAccount(long userId) {
        return dsl.deleteFrom(APP_USER).where(APP_USER.ID.eq(userId)).execute();
    }

    private int deleteSome(Table<?> table, Condition condition, int limit) {
        return dsl.deleteFrom(table).where(condition).limit(limit).execute();
    }
}

package ru.rusoragentai.console.privacy;

import static ru.rusoragentai.db.Tables.ABUSE_ACTION;
import static ru.rusoragentai.db.Tables.ABUSE_FLAG;
import static ru.rusoragentai.db.Tables.APP_USER;
import static ru.rusoragentai.db.Tables.AUDIT_EVENT;
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

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Everything the platform's tables hold about one user: read for export packages (streamed), erased in small
 * chunks (each its own short transaction, chosen by the caller), and scanned for residue afterwards.
 */
@Repository
class SubjectDataRepository {

    private static final int FETCH_SIZE = 2_000;
    private static final int IN_SLICE = 1_000;

    private final DSLContext dsl;

    SubjectDataRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The subject's identifiers, IP addresses included (a read of all their usage); empty when the user does not exist. */
    Optional<Subject> subject(long userId) {
        return identity(userId).map(s -> new Subject(userId, s.telegramUserId(), s.username(), s.email(), s.displayName(), ips(userId)));
    }

    /** The subject's identifiers without IP addresses (cheap). */
    Optional<Subject> identity(long userId) {
        return dsl.select(APP_USER.TELEGRAM_USER_ID, APP_USER.USERNAME, APP_USER.EMAIL, APP_USER.DISPLAY_NAME)
                .from(APP_USER).where(APP_USER.ID.eq(userId))
                .fetchOptional(r -> new Subject(userId, r.value1(), r.value2(), r.value3(), r.value4(), List.of()));
    }

    private List<String> ips(long userId) {
        Set<String> ips = new LinkedHashSet<>();
        dsl.selectDistinct(USER_SESSION.IP).from(USER_SESSION).where(USER_SESSION.USER_ID.eq(userId))
                .union(DSL.selectDistinct(USAGE_EVENT.IP).from(USAGE_EVENT).where(USAGE_EVENT.USER_ID.eq(userId), USAGE_EVENT.IP.isNotNull()))
                .fetch(r -> r.value1()).forEach(ip -> ips.add(ipText(ip)));
        ips.remove(null);
        return new ArrayList<>(ips);
    }

    /** Providers whose models the user used and channels they paid through: the Art. 19 recipients. */
    List<String> providersAndChannels(long userId) {
        List<String> names = new ArrayList<>(dsl.selectDistinct(USAGE_DAILY.PROVIDER).from(USAGE_DAILY)
                .where(USAGE_DAILY.USER_ID.eq(userId)).fetch(USAGE_DAILY.PROVIDER));
        names.addAll(dsl.selectDistinct(PAYMENT.CHANNEL).from(PAYMENT).where(PAYMENT.USER_ID.eq(userId)).fetch(PAYMENT.CHANNEL));
        return names;
    }

    /** Rough row count per category, for progress. */
    long usageEvents(long userId) {
        return dsl.selectCount().from(USAGE_EVENT).where(USAGE_EVENT.USER_ID.eq(userId)).fetchSingle().value1();
    }

    /**
     * Streams a category's rows for the user, in the category's column order; byte arrays are encrypted
     * conversation text for the caller to decrypt. Holds one connection until done.
     */
    void each(PackageCategory category, long userId, Consumer<Object[]> sink) {
        switch (category) {
            case ACCOUNT -> stream(dsl.select(APP_USER.ID, APP_USER.USERNAME, APP_USER.DISPLAY_NAME, APP_USER.EMAIL,
                    APP_USER.TELEGRAM_USER_ID, APP_USER.STATUS, APP_USER.CREATED_AT, APP_USER.LAST_SEEN_AT, APP_USER.BIRTH_YEAR,
                    APP_USER.PROCESSING_RESTRICTED, APP_USER.PROCESSING_OBJECTED).from(APP_USER).where(APP_USER.ID.eq(userId)), sink);
            case PREFERENCES -> stream(dsl.select(APP_USER.LOCALE, APP_USER.THEME, APP_USER.CONVERSATION_RETENTION_DAYS)
                    .from(APP_USER).where(APP_USER.ID.eq(userId)), sink);
            case SESSIONS -> stream(dsl.select(USER_SESSION.ID, USER_SESSION.STARTED_AT, USER_SESSION.ENDED_AT, USER_SESSION.IP,
                    USER_SESSION.USER_AGENT, USER_SESSION.DEVICE_TYPE, USER_SESSION.BROWSER, USER_SESSION.OS,
                    USER_SESSION.COUNTRY_CODE, USER_SESSION.REGION).from(USER_SESSION).where(USER_SESSION.USER_ID.eq(userId))
                    .orderBy(USER_SESSION.STARTED_AT), sink);
            case USAGE -> usage(userId, sink);
            case PAYMENTS -> stream(dsl.select(PAYMENT.ID, PAYMENT.CHANNEL, PAYMENT.EXTERNAL_ID, PAYMENT.AMOUNT_MINOR, PAYMENT.CURRENCY,
                    PAYMENT.TOKENS, PAYMENT.PRODUCT_ID, PAYMENT.STATUS, PAYMENT.PAID_AT).from(PAYMENT).where(PAYMENT.USER_ID.eq(userId))
                    .orderBy(PAYMENT.PAID_AT), sink);
            case LEDGER -> stream(dsl.select(TOKEN_LEDGER.ID, TOKEN_LEDGER.CREATED_AT, TOKEN_LEDGER.KIND, TOKEN_LEDGER.DELTA,
                    TOKEN_LEDGER.BALANCE_AFTER, TOKEN_LEDGER.REFERENCE, TOKEN_LEDGER.REASON).from(TOKEN_LEDGER)
                    .where(TOKEN_LEDGER.USER_ID.eq(userId)).orderBy(TOKEN_LEDGER.ID), sink);
            case CONVERSATIONS -> stream(dsl.select(CONVERSATION.ID, CONVERSATION.MODEL, CONVERSATION.TITLE_ENC, CONVERSATION_MESSAGE.ID,
                    CONVERSATION_MESSAGE.ROLE, CONVERSATION_MESSAGE.CONTENT_ENC, CONVERSATION_MESSAGE.TOKENS,
                    CONVERSATION_MESSAGE.CREATED_AT).from(CONVERSATION)
                    .leftJoin(CONVERSATION_MESSAGE).on(CONVERSATION_MESSAGE.CONVERSATION_ID.eq(CONVERSATION.ID))
                    .where(CONVERSATION.USER_ID.eq(userId)).orderBy(CONVERSATION.ID, CONVERSATION_MESSAGE.ID), sink);
            case PRIVACY_REQUESTS -> stream(dsl.select(PRIVACY_REQUEST.ID, PRIVACY_REQUEST.TYPE, PRIVACY_REQUEST.STATUS,
                    PRIVACY_REQUEST.CHANNEL, PRIVACY_REQUEST.RECEIVED_AT, PRIVACY_REQUEST.DUE_AT, PRIVACY_REQUEST.COMPLETED_AT,
                    PRIVACY_REQUEST.OUTCOME).from(PRIVACY_REQUEST).where(PRIVACY_REQUEST.USER_ID.eq(userId))
                    .orderBy(PRIVACY_REQUEST.ID), sink);
            case ABUSE -> stream(dsl.select(DSL.inline("flag"), ABUSE_FLAG.ID, ABUSE_FLAG.RULE_CODE, ABUSE_FLAG.STATUS, ABUSE_FLAG.CREATED_AT,
                            ABUSE_FLAG.RESOLVED_AT, ABUSE_FLAG.EVIDENCE).from(ABUSE_FLAG).where(ABUSE_FLAG.USER_ID.eq(userId))
                    .unionAll(DSL.select(DSL.inline("measure"), ABUSE_ACTION.ID, ABUSE_ACTION.KIND, ABUSE_ACTION.STATUS, ABUSE_ACTION.REQUESTED_AT,
                            DSL.coalesce(ABUSE_ACTION.REVERTED_AT, ABUSE_ACTION.DECIDED_AT), ABUSE_ACTION.REASON).from(ABUSE_ACTION)
                            .where(ABUSE_ACTION.USER_ID.eq(userId)))
                    .orderBy(DSL.field(DSL.name("created_at")), DSL.field(DSL.name("id"))), sink);
            case PLUGIN_DATA -> throw new IllegalArgumentException("plugin data comes from the plugins");
        }
    }

    private void stream(org.jooq.ResultQuery<? extends Record> query, Consumer<Object[]> sink) {
        try (Cursor<? extends Record> cursor = query.fetchSize(FETCH_SIZE).fetchLazy()) {
            for (Record record : cursor) {
                Object[] row = record.intoArray();
                for (int i = 0; i < row.length; i++) {
                    if (row[i] instanceof byte[] bytes && isIp(record.field(i))) {
                        row[i] = ipText(bytes);
                    }
                }
                sink.accept(row);
            }
        }
    }

    /**
     * The usage rows, up to millions for a heavy user: read straight from the JDBC result set with typed getters,
     * which costs a fraction of mapping each row to a jOOQ record first. Same values, in the same column order, as
     * {@link #stream} would give.
     */
    private void usage(long userId, Consumer<Object[]> sink) {
        try (ResultSet rows = dsl.select(USAGE_EVENT.ID, USAGE_EVENT.OCCURRED_AT, USAGE_EVENT.PROVIDER, USAGE_EVENT.MODEL,
                USAGE_EVENT.FEATURE, USAGE_EVENT.INPUT_TOKENS, USAGE_EVENT.OUTPUT_TOKENS, USAGE_EVENT.TOKENS_CHARGED,
                USAGE_EVENT.LATENCY_MS, USAGE_EVENT.STATUS, USAGE_EVENT.IP, USAGE_EVENT.SESSION_ID).from(USAGE_EVENT)
                .where(USAGE_EVENT.USER_ID.eq(userId)).fetchSize(FETCH_SIZE).fetchResultSet()) {
            while (rows.next()) {
                long sessionId = rows.getLong(12);
                Long session = rows.wasNull() ? null : sessionId;
                sink.accept(new Object[] {rows.getLong(1), rows.getObject(2, LocalDateTime.class), rows.getString(3),
                        rows.getString(4), rows.getString(5), rows.getInt(6), rows.getInt(7), rows.getLong(8), rows.getInt(9),
                        rows.getString(10), ipText(rows.getBytes(11)), session});
            }
        } catch (SQLException e) {
            throw new DataAccessException("Reading the usage of user " + userId + " failed", e);
        }
    }

    private static boolean isIp(Field<?> field) {
        return field != null && field.getName().equals("ip");
    }

    // --- erasure, one short statement per call; the caller loops until 0 ---

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
        List<Long> ids = staffRecentIds(subject);
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

    // --- the residual scan ---

    /**
     * How many rows of {@code table} match the subject on {@code what}. The checks are listed in {@link ResidualScan};
     * each uses an index, so the scan stays fast on the full data set.
     */
    long count(ResidualScan.Check check, Subject subject) {
        switch (check.id()) {
            case "staff_recent.value" -> {
                return staffRecentIds(subject).size();
            }
            case "user_session.ip", "usage_event.ip" -> {
                // in slices: a heavy mobile user can have thousands of addresses
                boolean sessions = check.id().startsWith("user_session");
                boolean anyOfTheirs = sessions ? dsl.fetchExists(USER_SESSION, USER_SESSION.USER_ID.eq(subject.userId()))
                        : dsl.fetchExists(USAGE_EVENT, USAGE_EVENT.USER_ID.eq(subject.userId()));
                if (!anyOfTheirs) {
                    return 0; // an address in another user's row is that user's data, not the subject's
                }
                long rows = 0;
                List<byte[]> ips = ipBytes(subject);
                for (int from = 0; from < ips.size(); from += IN_SLICE) {
                    List<byte[]> slice = ips.subList(from, Math.min(ips.size(), from + IN_SLICE));
                    rows += sessions
                            ? dsl.fetchCount(USER_SESSION, USER_SESSION.IP.in(slice), USER_SESSION.USER_ID.eq(subject.userId()))
                            : dsl.fetchCount(USAGE_EVENT, USAGE_EVENT.IP.in(slice), USAGE_EVENT.USER_ID.eq(subject.userId()));
                }
                return rows;
            }
            default -> {
                // one indexed lookup below
            }
        }
        Condition condition = switch (check.id()) {
            case "app_user.id" -> APP_USER.ID.eq(subject.userId());
            case "app_user.telegram_user_id" -> APP_USER.TELEGRAM_USER_ID.eq(subject.telegramUserId());
            case "app_user.username" -> subject.username() == null ? DSL.falseCondition() : APP_USER.USERNAME.eq(subject.username());
            case "app_user.email" -> subject.email() == null ? DSL.falseCondition() : APP_USER.EMAIL.eq(subject.email());
            case "user_session.user_id" -> USER_SESSION.USER_ID.eq(subject.userId());
            case "usage_event.user_id" -> USAGE_EVENT.USER_ID.eq(subject.userId());
            case "usage_daily.user_id" -> USAGE_DAILY.USER_ID.eq(subject.userId());
            case "payment.user_id" -> PAYMENT.USER_ID.eq(subject.userId());
            case "conversation.user_id" -> CONVERSATION.USER_ID.eq(subject.userId());
            case "token_ledger.user_id" -> TOKEN_LEDGER.USER_ID.eq(subject.userId());
            case "token_balance.user_id" -> TOKEN_BALANCE.USER_ID.eq(subject.userId());
            case "token_adjustment.user_id" -> TOKEN_ADJUSTMENT.USER_ID.eq(subject.userId());
            case "abuse_flag.user_id" -> ABUSE_FLAG.USER_ID.eq(subject.userId());
            case "abuse_snooze.user_id" -> ru.rusoragentai.db.Tables.ABUSE_SNOOZE.USER_ID.eq(subject.userId());
            case "abuse_score.user_id" -> ru.rusoragentai.db.Tables.ABUSE_SCORE.USER_ID.eq(subject.userId());
            case "abuse_action.user_id" -> ru.rusoragentai.db.Tables.ABUSE_ACTION.USER_ID.eq(subject.userId());
            case "abuse_blocklist.user_id" -> ru.rusoragentai.db.Tables.ABUSE_BLOCKLIST.USER_ID.eq(subject.userId());
            case "webhook_inbox.user_id" -> WEBHOOK_INBOX.USER_ID.eq(subject.userId());
            case "webhook_inbox.telegram_user_id" -> WEBHOOK_INBOX.TELEGRAM_USER_ID.eq(subject.telegramUserId());
            case "privacy_request.user_id" -> PRIVACY_REQUEST.USER_ID.eq(subject.userId());
            case "subject_key.user_id" -> ru.rusoragentai.db.Tables.SUBJECT_KEY.USER_ID.eq(subject.userId());
            case "audit_event.target_id" -> AUDIT_EVENT.TARGET_TYPE.eq("user").and(AUDIT_EVENT.TARGET_ID.eq(Long.toString(subject.userId())));
            default -> throw new IllegalArgumentException("unknown residual check " + check.id());
        };
        return dsl.fetchCount(DSL.selectOne().from(DSL.table(DSL.name(check.table()))).where(condition));
    }

    /**
     * The staff members' recent searches and opened users that point at the subject: an identifier itself, or a
     * search that would have found them by name (any word of the display name, the username or the email, or a
     * prefix of one: "Сокол" for "Дарья Соколова"). Searches of fewer than three characters name nobody.
     */
    private List<Long> staffRecentIds(Subject subject) {
        Set<String> exact = new HashSet<>(List.of(Long.toString(subject.userId()), Long.toString(subject.telegramUserId())));
        exact.addAll(subject.ips());
        List<String> words = new ArrayList<>();
        for (String value : new String[] {subject.username(), subject.email(), subject.displayName()}) {
            if (value != null) {
                String lower = value.toLowerCase(Locale.ROOT).replace('ё', 'е');
                exact.add(lower);
                words.add(lower);
                words.addAll(List.of(lower.split("[\\s@._-]+")));
            }
        }
        List<Long> ids = new ArrayList<>();
        dsl.select(STAFF_RECENT.ID, STAFF_RECENT.VALUE).from(STAFF_RECENT).fetch()
                .forEach(r -> {
                    String value = r.value2().strip().toLowerCase(Locale.ROOT).replace('ё', 'е').replaceFirst("^@", "");
                    boolean named = value.length() >= 3 && (exact.contains(value)
                            || words.stream().anyMatch(w -> w.startsWith(value) || value.contains(w) && w.length() >= 3));
                    if (exact.contains(value) || named) {
                        ids.add(r.value1());
                    }
                });
        return ids;
    }

    private static List<byte[]> ipBytes(Subject subject) {
        List<byte[]> bytes = new ArrayList<>();
        for (String ip : subject.ips()) {
            try {
                bytes.add(InetAddress.getByName(ip).getAddress());
            } catch (UnknownHostException e) {
                // only literals are stored; nothing to look for
            }
        }
        return bytes;
    }

    static String ipText(byte[] address) {
        if (address == null || (address.length != 4 && address.length != 16)) {
            return null;
        }
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
